namespace Helpers;

/// <summary>Images embedded in HTML, so an output or a saved page needs no side files.</summary>
internal static class DataUri
{
    public static string Png(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);
}
