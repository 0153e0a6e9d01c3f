using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Trellis.Exchange.Reports.Writers;

/// <summary>
/// The page being drawn: A4 pages added on demand, the content area inside the margins, the vertical cursor,
/// and text measuring and wrapping with a per-font cache of character widths.
/// </summary>
internal sealed class PdfCanvas : IDisposable
{
    /// <summary>Page margin, in points (12.7 mm).</summary>
    public const double Margin = 36;

    /// <summary>Height reserved above the bottom margin for the footer.</summary>
    public const double FooterHeight = 16;

    private readonly PdfDocument _document;
    private readonly bool _landscape;
    private readonly Dictionary<XFont, Dictionary<char, double>> _widths = [];
    private XGraphics? _graphics;

    public PdfCanvas(PdfDocument document, bool landscape)
    {
        _document = document;
        _landscape = landscape;
        NewPage();
    }

    public XGraphics Graphics => _graphics!;

    public double PageWidth => XUnit.FromMillimeter(_landscape ? 297 : 210).Point;

    public double PageHeight => XUnit.FromMillimeter(_landscape ? 210 : 297).Point;

    public double Left { get; } = Margin;

    public double Right => PageWidth - Margin;

    public double Top { get; } = Margin;

    public double Bottom => PageHeight - Margin - FooterHeight;

    public double Width => Right - Left;

    /// <summary>The vertical cursor: where the next thing is drawn.</summary>
    public double Y { get; set; }

    public double Remaining => Bottom - Y;

    /// <summary>True when nothing has been drawn on the current page yet.</summary>
    public bool AtTop => Y <= Top + 0.01;

    public void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _graphics = XGraphics.FromPdfPage(page);
        Y = Top;
    }

    /// <summary>Width of a single-line text in points (PDFsharp does not kern, so widths add up).</summary>
    public double Measure(string text, XFont font)
    {
        if (!_widths.TryGetValue(font, out var cache))
        {
            _widths[font] = cache = [];
        }

        var total = 0.0;
        foreach (var c in text)
        {
            if (!cache.TryGetValue(c, out var w))
            {
                cache[c] = w = Graphics.MeasureString(c.ToString(), font).Width;
            }

            total += w;
        }

        return total;
    }

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/>: at newlines, then between words, and inside
    /// words (hashes, URLs) that are wider than the line on their own. Always at least one line.
    /// </summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var space = Measure(" ", font);
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            var current = new System.Text.StringBuilder();
            var currentWidth = 0.0;
            foreach (var word in paragraph.Replace('\t', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = Measure(word, font);
                if (current.Length > 0 && currentWidth + space + w <= width)
                {
                    current.Append(' ').Append(word);
                    currentWidth += space + w;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                    currentWidth = 0;
                }

                if (w <= width)
                {
                    current.Append(word);
                    currentWidth = w;
                    continue;
                }

                // Too wide on its own: break after hyphens and slashes first, inside the pieces only when needed.
                foreach (var piece in Pieces(word))
                {
                    var pw = Measure(piece, font);
                    if (current.Length > 0 && currentWidth + pw > width)
                    {
                        lines.Add(current.ToString());
                        current.Clear();
                        currentWidth = 0;
                    }

                    if (currentWidth + pw <= width)
                    {
                        current.Append(piece);
                        currentWidth += pw;
                        continue;
                    }

                    foreach (var c in piece)
                    {
                        var cw = Measure(c.ToString(), font);
                        if (current.Length > 0 && currentWidth + cw > width)
                        {
                            lines.Add(current.ToString());
                            current.Clear();
                            currentWidth = 0;
                        }

                        current.Append(c);
                        currentWidth += cw;
                    }
                }
            }

            lines.Add(current.ToString());
        }

        return lines;
    }

    /// <summary>A word cut after each hyphen or slash (<c>not-</c>, <c>applicable</c>).</summary>
    private static IEnumerable<string> Pieces(string word)
    {
        var start = 0;
        for (var i = 0; i < word.Length - 1; i++)
        {
            if (word[i] is '-' or '/')
            {
                yield return word[start..(i + 1)];
                start = i + 1;
            }
        }

        yield return word[start..];
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _graphics = null;
    }
}
