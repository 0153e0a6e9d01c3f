using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Trellis.Exchange.Reports.Writers;

/// <summary>
/// Resolves every font family to the DejaVu Sans faces embedded in this assembly (Reports/Fonts, Bitstream Vera
/// licence), so PDFs render the same on every machine without system fonts. PDFsharp 6 on Linux needs a resolver.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    /// <summary>The family name the PDF writer asks for.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static readonly EmbeddedFontResolver Instance = new();
    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    /// <summary>
    /// Installs the resolver once per process. PDFsharp allows one resolver, set before any font is used; when the
    /// host has already installed its own, that one is kept.
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= Instance;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, static face =>
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream($"Reports/Fonts/{face}.ttf")
            ?? throw new InvalidOperationException($"font face {face} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
