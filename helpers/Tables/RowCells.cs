using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Helpers;

/// <summary>
/// The named cells of one row, for <see cref="DataFrames.ToDataFrame{T}"/>: a dictionary's keys, a tuple's
/// elements (Item1, Item2, ...: C# keeps tuple names at compile time only), or an object's public properties
/// (a record, an anonymous object).
/// </summary>
internal static class RowCells
{
    /// <summary>The column names and declared types a row of <paramref name="type"/> has, or null when only its values can tell (a dictionary, object).</summary>
    public static IReadOnlyList<(string Name, Type Type)>? Declared(Type type)
    {
        if (type == typeof(object) || type.IsInterface || IsDictionary(type)) return null;
        return Members(type).Select(m => (m.Name, m.Type)).ToList();
    }

    public static IEnumerable<(string Name, object? Value)> Of(object? row) => row switch
    {
        null => [],
        IDictionary<string, object?> generic => generic.Select(pair => (pair.Key, pair.Value)),
        IDictionary dictionary => dictionary.Cast<DictionaryEntry>().Select(entry => (Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "", entry.Value)),
        _ => Members(row.GetType()).Select(m => (m.Name, m.Read(row))),
    };

    private static bool IsDictionary(Type type) => typeof(IDictionary).IsAssignableFrom(type) || typeof(IDictionary<string, object?>).IsAssignableFrom(type);

    private static IEnumerable<(string Name, Type Type, Func<object, object?> Read)> Members(Type type)
    {
        if (typeof(ITuple).IsAssignableFrom(type) && type.IsValueType)
            return type.GetFields(BindingFlags.Public | BindingFlags.Instance)
                .Where(f => f.Name.StartsWith("Item", StringComparison.Ordinal))
                .Select(f => (f.Name, f.FieldType, (Func<object, object?>)f.GetValue));
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
            .Select(p => (p.Name, p.PropertyType, (Func<object, object?>)p.GetValue));
    }
}
