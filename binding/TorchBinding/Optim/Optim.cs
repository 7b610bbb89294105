using TorchSharp.Modules;

namespace TorchSharp;

// https://pytorch.org/docs/1.13/optim.html
public static partial class torch
{
    public static partial class optim
    {
        public static Adam Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9,
                                double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0,
                                bool amsgrad = false, bool maximize = false) =>
            new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

        /// <summary>Adam over <c>module.named_parameters()</c>; the names are not needed.</summary>
        public static Adam Adam(IEnumerable<(string name, Parameter parameter)> named_parameters, double lr = 1e-3,
                                double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0,
                                bool amsgrad = false, bool maximize = false) =>
            Adam(Unnamed(named_parameters), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

        public static RMSProp RMSProp(IEnumerable<Parameter> parameters, double lr = 0.01, double alpha = 0.99,
                                      double eps = 1e-8, double weight_decay = 0, double momentum = 0,
                                      bool centered = false, bool maximize = false) =>
            new(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);

        public static RMSProp RMSProp(IEnumerable<(string name, Parameter parameter)> named_parameters,
                                      double lr = 0.01, double alpha = 0.99, double eps = 1e-8,
                                      double weight_decay = 0, double momentum = 0, bool centered = false,
                                      bool maximize = false) =>
            RMSProp(Unnamed(named_parameters), lr, alpha, eps, weight_decay, momentum, centered, maximize);

        public static SGD SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0,
                              double dampening = 0, double weight_decay = 0, bool nesterov = false,
                              bool maximize = false) =>
            new(parameters, learningRate, momentum, dampening, weight_decay, nesterov, maximize);

        public static SGD SGD(IEnumerable<(string name, Parameter parameter)> named_parameters, double learningRate,
                              double momentum = 0, double dampening = 0, double weight_decay = 0,
                              bool nesterov = false, bool maximize = false) =>
            SGD(Unnamed(named_parameters), learningRate, momentum, dampening, weight_decay, nesterov, maximize);

        private static IEnumerable<Parameter> Unnamed(IEnumerable<(string name, Parameter parameter)> named)
        {
            ArgumentNullException.ThrowIfNull(named);
            return named.Select(pair => pair.parameter);
        }
    }
}
