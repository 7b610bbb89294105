using System.Reflection;
using TorchSharp.Modules;

namespace TorchSharp;

/// <summary>Gives the field it marks a different name in the module tree and the state dict.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ComponentNameAttribute : Attribute
{
    public required string Name { get; init; }
}

public static partial class torch
{
    public static partial class nn
    {
        public abstract partial class Module
        {
            /// <summary>
            /// Registers the instance fields of this module (private and inherited ones too, base class first,
            /// each class in declaration order): a <see cref="Module"/> becomes a submodule, a
            /// <see cref="Parameter"/> a parameter and any other tensor a buffer. Null fields are skipped.
            /// Safe to call again; submodules are registered recursively.
            /// </summary>
            protected void RegisterComponents()
            {
                foreach (var (fieldName, value) in ComponentFields())
                {
                    switch (value)
                    {
                        case Module submodule:
                            register_module(fieldName, submodule);
                            submodule.RegisterComponents();
                            break;
                        case Parameter parameter:
                            register_parameter(fieldName, parameter);
                            break;
                        case Tensor buffer:
                            register_buffer(fieldName, buffer);
                            break;
                    }
                }
            }

            private IEnumerable<(string name, object? value)> ComponentFields()
            {
                var hierarchy = new Stack<Type>();
                for (var type = GetType(); type != typeof(Module); type = type.BaseType!) hierarchy.Push(type);
                const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
                foreach (var type in hierarchy)
                    foreach (var field in type.GetFields(flags).OrderBy(f => f.MetadataToken))
                        if (typeof(Module).IsAssignableFrom(field.FieldType) || typeof(Tensor).IsAssignableFrom(field.FieldType))
                            yield return (ComponentName(type, field), field.GetValue(this));
            }

            // An auto-property `Parameter weight { get; }` is stored in the field "<weight>k__BackingField".
            private static string ComponentName(Type type, FieldInfo field)
            {
                var isBackingField = field.Name.StartsWith('<') && field.Name.EndsWith(">k__BackingField", StringComparison.Ordinal);
                var memberName = isBackingField ? field.Name[1..field.Name.IndexOf('>')] : field.Name;
                MemberInfo? member = isBackingField ? type.GetProperty(memberName, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly) : field;
                return member?.GetCustomAttribute<ComponentNameAttribute>()?.Name ?? memberName;
            }
        }
    }
}
