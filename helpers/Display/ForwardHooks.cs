using System.Linq.Expressions;
using TorchSharp;

namespace Helpers;

/// <summary>
/// TorchSharp's forward hooks for a module of any forward arity. Each Module&lt;T1, ..., TResult&gt; takes a post-hook
/// typed by its own arguments, so a summary that walks modules it does not know builds that delegate at run time.
/// </summary>
internal static class ForwardHooks
{
    /// <summary>What a hook sees after a module's <c>call</c>: the module, its arguments and its result.</summary>
    public delegate void Observer(torch.nn.Module module, object?[] inputs, object? output);

    /// <summary>Hooks <paramref name="observer"/> into <paramref name="module"/>; the returned action removes the hook.</summary>
    public static Action Attach(torch.nn.Module module, Observer observer)
    {
        var hookable = Ancestors(module.GetType())
            .FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(torch.nn.HookableModule<,>))
            ?? throw new ArgumentException(
                $"{module.GetType().Name} does not derive from Module<..., TResult>, so its forward pass cannot be observed", nameof(module));
        var hookType = hookable.GetGenericArguments()[1];
        var hook = ObservingHook(hookType, observer);
        var remover = hookable.GetMethod(nameof(torch.nn.HookableModule<object, object>.register_forward_hook), [hookType])!
            .Invoke(module, [hook])!;
        var remove = remover.GetType().GetMethod("remove")!;
        return () => remove.Invoke(remover, null);
    }

    private static IEnumerable<Type> Ancestors(Type? type)
    {
        for (; type is not null; type = type.BaseType) yield return type;
    }

    /// <summary>
    /// <c>(module, input1, ..., inputN, result) =&gt; { observer(module, [inputs], result); return result; }</c>:
    /// returning the result itself (not null) leaves it unchanged for reference and value-tuple results alike.
    /// </summary>
    private static Delegate ObservingHook(Type hookType, Observer observer)
    {
        var parameters = hookType.GetMethod("Invoke")!.GetParameters()
            .Select(p => Expression.Parameter(p.ParameterType, p.Name)).ToArray();
        var (module, inputs, result) = (parameters[0], parameters[1..^1], parameters[^1]);
        var notify = Expression.Invoke(Expression.Constant(observer),
            Expression.Convert(module, typeof(torch.nn.Module)),
            Expression.NewArrayInit(typeof(object), inputs.Select(p => Expression.Convert(p, typeof(object)))),
            Expression.Convert(result, typeof(object)));
        return Expression.Lambda(hookType, Expression.Block(notify, result), parameters).Compile();
    }
}
