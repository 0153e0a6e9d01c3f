using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Trellis.Exchange.Reports.Writers;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as PDF with PDFsharp, drawing its tables directly: A4, landscape when a
/// table is wide; title, subtitle, generation time and metadata on page 1; cell text wrapped to the column width;
/// tables break across pages and repeat their header row; a row taller than a page continues on the next one;
/// charts as horizontal bars; "Page n of m" in every footer. Fonts: embedded DejaVu Sans.
/// </summary>
public static class PdfReportWriter
{
    private const double Pad = 3;
    private const double BodySize = 8;
    private const double LineHeight = 10;

    private static readonly XPen Grid = new(XColor.FromArgb(0xC9, 0xD1, 0xD9), 0.5);
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(0xDD, 0xE3, 0xEA));
    private static readonly XBrush StripeFill = new XSolidBrush(XColor.FromArgb(0xF6, 0xF8, 0xFA));
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(0x57, 0x60, 0x6A));
    private static readonly XBrush Track = new XSolidBrush(XColor.FromArgb(0xEE, 0xF1, 0xF4));

    /// <summary>Writes the PDF to <paramref name="output"/> (left open).</summary>
    public static void Write(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        EmbeddedFontResolver.EnsureInstalled();
        using var pdf = new PdfDocument();
        pdf.Info.Title = ReportText.Clean(document.Title);
        pdf.Info.Subject = ReportText.Clean(document.Subtitle);
        pdf.Info.Author = "Trellis";
        pdf.Info.Creator = "Trellis";
        pdf.Info.CreationDate = document.GeneratedAt.UtcDateTime;
        pdf.Info.ModificationDate = document.GeneratedAt.UtcDateTime;
        pdf.Options.CompressContentStreams = true;

        var fonts = new Fonts();
        using (var canvas = new PdfCanvas(pdf, document.IsWide))
        {
            DrawTitleBlock(canvas, fonts, document);
            foreach (var section in document.Sections)
            {
                DrawSection(canvas, fonts, section);
            }
        }

        DrawFooters(pdf, fonts, ReportText.Clean(document.Title));
        pdf.Save(output, closeStream: false);
    }

    /// <summary>The PDF as bytes.</summary>
    public static byte[] Write(ReportDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return stream.ToArray();
    }

    private static void DrawTitleBlock(PdfCanvas c, Fonts f, ReportDocument document)
    {
        Paragraph(c, document.Title, f.Title, 24);
        if (document.Subtitle.Length > 0)
        {
            Paragraph(c, document.Subtitle, f.Subtitle, 15);
        }

        c.Y += 4;
        var fields = new List<ReportField> { new("Generated", ReportText.Instant(document.GeneratedAt)) };
        fields.AddRange(document.Metadata);
        const double NameWidth = 150;
        foreach (var field in fields)
        {
            var lines = c.Wrap(ReportText.Clean(field.Value), f.Body, c.Width - NameWidth);
            EnsureRoom(c, lines.Count * LineHeight);
            c.Graphics.DrawString(ReportText.Clean(field.Name), f.Bold, XBrushes.Black, new XRect(c.Left, c.Y, NameWidth, LineHeight), XStringFormats.TopLeft);
            for (var i = 0; i < lines.Count; i++)
            {
                c.Graphics.DrawString(lines[i], f.Body, XBrushes.Black, new XRect(c.Left + NameWidth, c.Y + (i * LineHeight), c.Width - NameWidth, LineHeight), XStringFormats.TopLeft);
            }

            c.Y += lines.Count * LineHeight;
        }

        c.Y += 8;
    }

    private static void DrawSection(PdfCanvas c, Fonts f, ReportSection section)
    {
        // Keep the heading with its paragraph and the start of its first chart or table.
        var paragraph = section.Paragraph is null ? [] : c.Wrap(ReportText.Clean(section.Paragraph), f.Body, c.Width);
        if (!c.AtTop && c.Remaining < 20 + (paragraph.Count * LineHeight) + (4 * LineHeight) + (4 * Pad))
        {
            c.NewPage();
        }

        c.Y += c.AtTop ? 0 : 6;
        Paragraph(c, section.Heading, f.Heading, 17);
        foreach (var line in paragraph)
        {
            EnsureRoom(c, LineHeight);
            c.Graphics.DrawString(line, f.Body, XBrushes.Black, new XRect(c.Left, c.Y, c.Width, LineHeight), XStringFormats.TopLeft);
            c.Y += LineHeight;
        }

        c.Y += 4;
        foreach (var chart in section.Charts)
        {
            DrawChart(c, f, chart);
        }

        PdfTable.Draw(c, f, section.Table);
        c.Y += 6;
    }

    private static void DrawChart(PdfCanvas c, Fonts f, ReportChart chart)
    {
        const double Row = 14;
        const double LabelWidth = 140;
        const double TrackWidth = 280;
        EnsureRoom(c, 16 + (chart.Points.Count * Row));
        c.Graphics.DrawString(ReportText.Clean(chart.Title), f.Bold, XBrushes.Black, new XRect(c.Left, c.Y, c.Width, 14), XStringFormats.TopLeft);
        c.Y += 16;
        var max = chart.Points.Count == 0 ? 0 : chart.Points.Max(p => p.Value);
        foreach (var point in chart.Points)
        {
            var x = c.Left + LabelWidth;
            c.Graphics.DrawString(ReportText.Clean(point.Label), f.Body, XBrushes.Black, new XRect(c.Left, c.Y + 1, LabelWidth - 6, LineHeight), XStringFormats.TopLeft);
            c.Graphics.DrawRectangle(Track, x, c.Y + 1, TrackWidth, Row - 4);
            var length = max <= 0 ? 0 : TrackWidth * Math.Max(point.Value, 0) / max;
            if (length > 0)
            {
                c.Graphics.DrawRectangle(new XSolidBrush(ToneColor(point.Tone)), x, c.Y + 1, length, Row - 4);
            }

            c.Graphics.DrawString(point.Value.ToString("0.##", CultureInfo.InvariantCulture), f.Body, XBrushes.Black, new XRect(x + TrackWidth + 6, c.Y + 1, 60, LineHeight), XStringFormats.TopLeft);
            c.Y += Row;
        }

        c.Y += 8;
    }

    private static void DrawFooters(PdfDocument pdf, Fonts f, string title)
    {
        var count = pdf.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = pdf.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var width = page.Width.Point;
            var y = page.Height.Point - PdfCanvas.Margin - PdfCanvas.FooterHeight + 6;
            g.DrawLine(Grid, PdfCanvas.Margin, y, width - PdfCanvas.Margin, y);
            var text = $"Page {(i + 1).ToString(CultureInfo.InvariantCulture)} of {count.ToString(CultureInfo.InvariantCulture)}";
            g.DrawString(text, f.Small, Muted, new XRect(width - PdfCanvas.Margin - 150, y + 3, 150, 10), XStringFormats.TopRight);
            g.DrawString(title.Length > 120 ? title[..120] : title, f.Small, Muted, new XRect(PdfCanvas.Margin, y + 3, width - (2 * PdfCanvas.Margin) - 160, 10), XStringFormats.TopLeft);
        }
    }

    private static void Paragraph(PdfCanvas c, string text, XFont font, double lineHeight)
    {
        foreach (var line in c.Wrap(ReportText.Clean(text), font, c.Width))
        {
            EnsureRoom(c, lineHeight);
            c.Graphics.DrawString(line, font, XBrushes.Black, new XRect(c.Left, c.Y, c.Width, lineHeight), XStringFormats.TopLeft);
            c.Y += lineHeight;
        }
    }

    private static void EnsureRoom(PdfCanvas c, double height)
    {
        if (!c.AtTop && c.Remaining < height)
        {
            c.NewPage();
        }
    }

    private static XColor ToneColor(ChartTone tone) => tone switch
    {
        ChartTone.Good => XColor.FromArgb(0x2E, 0x8B, 0x57),
        ChartTone.Warning => XColor.FromArgb(0xD9, 0xA0, 0x16),
        ChartTone.Bad => XColor.FromArgb(0xC0, 0x39, 0x2B),
        ChartTone.Muted => XColor.FromArgb(0x9A, 0xA4, 0xAE),
        _ => XColor.FromArgb(0x4A, 0x78, 0xB5),
    };

    /// <summary>The fonts of one document (Unicode encoding, so any text extracts correctly).</summary>
    internal sealed class Fonts
    {
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

        public XFont Title { get; } = new(EmbeddedFontResolver.Family, 18, XFontStyleEx.Bold, Unicode);

        public XFont Subtitle { get; } = new(EmbeddedFontResolver.Family, 11, XFontStyleEx.Regular, Unicode);

        public XFont Heading { get; } = new(EmbeddedFontResolver.Family, 12, XFontStyleEx.Bold, Unicode);

        public XFont Body { get; } = new(EmbeddedFontResolver.Family, BodySize, XFontStyleEx.Regular, Unicode);

        public XFont Bold { get; } = new(EmbeddedFontResolver.Family, BodySize, XFontStyleEx.Bold, Unicode);

        public XFont Small { get; } = new(EmbeddedFontResolver.Family, 7, XFontStyleEx.Regular, Unicode);
    }

    /// <summary>Draws one table: header on every page, wrapped cells, rows split only when taller than a page.</summary>
    private static class PdfTable
    {
        public static void Draw(PdfCanvas c, Fonts f, ReportTable table)
        {
            var widths = Widths(c, f, table);
            var header = table.Columns.Select((col, i) => c.Wrap(ReportText.Clean(col.Header), f.Bold, widths[i] - (2 * Pad))).ToArray();
            var headerHeight = (header.Max(h => h.Count) * LineHeight) + (2 * Pad);
            if (!c.AtTop && c.Remaining < headerHeight + LineHeight + (2 * Pad))
            {
                c.NewPage();
            }

            DrawRow(c, f.Bold, table, widths, header, 0, header.Max(h => h.Count), HeaderFill);
            if (table.Rows.Count == 0)
            {
                c.Graphics.DrawString("No rows.", f.Body, Muted, new XRect(c.Left + Pad, c.Y + Pad, c.Width, LineHeight), XStringFormats.TopLeft);
                c.Y += LineHeight + (2 * Pad);
                return;
            }

            var freshPageLines = (int)Math.Floor((c.Bottom - c.Top - headerHeight - (2 * Pad)) / LineHeight);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var cells = table.Rows[r].Select((text, i) => c.Wrap(ReportText.Clean(text), f.Body, widths[i] - (2 * Pad))).ToArray();
                var lines = cells.Max(x => x.Count);
                var fill = r % 2 == 1 ? StripeFill : null;
                var start = 0;
                while (start < lines)
                {
                    var available = (int)Math.Floor((c.Remaining - (2 * Pad)) / LineHeight);
                    var left = lines - start;

                    // Move the row to a new page when it would fit there whole, or when too little of it fits here.
                    if (left > available && (left <= freshPageLines || available < 3))
                    {
                        c.NewPage();
                        DrawRow(c, f.Bold, table, widths, header, 0, header.Max(h => h.Count), HeaderFill);
                        available = (int)Math.Floor((c.Remaining - (2 * Pad)) / LineHeight);
                    }

                    var take = Math.Min(left, Math.Max(available, 1));
                    DrawRow(c, f.Body, table, widths, cells, start, take, fill);
                    start += take;
                    if (start < lines)
                    {
                        c.NewPage();
                        DrawRow(c, f.Bold, table, widths, header, 0, header.Max(h => h.Count), HeaderFill);
                    }
                }
            }
        }

        /// <summary>
        /// Shares the width in proportion to the relative widths, but never narrower than the longest word of a
        /// column's header: the difference is taken from the other columns in proportion.
        /// </summary>
        private static double[] Widths(PdfCanvas c, Fonts f, ReportTable table)
        {
            var sum = table.Columns.Sum(col => Math.Max(col.Width, 0.1));
            var widths = table.Columns.Select(col => c.Width * Math.Max(col.Width, 0.1) / sum).ToArray();
            var minimum = table.Columns
                .Select(col => ReportText.Clean(col.Header).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => c.Measure(w, f.Bold)).DefaultIfEmpty(0).Max() + (2 * Pad) + 1)
                .ToArray();
            var deficit = widths.Select((w, i) => Math.Max(0, minimum[i] - w)).Sum();
            var spare = widths.Select((w, i) => Math.Max(0, w - minimum[i])).Sum();
            if (deficit <= 0 || spare <= deficit)
            {
                return widths;
            }

            return widths.Select((w, i) => w < minimum[i] ? minimum[i] : w - ((w - minimum[i]) * deficit / spare)).ToArray();
        }

        private static void DrawRow(PdfCanvas c, XFont font, ReportTable table, double[] widths, List<string>[] cells, int first, int count, XBrush? fill)
        {
            var height = (count * LineHeight) + (2 * Pad);
            var x = c.Left;
            for (var i = 0; i < widths.Length; i++)
            {
                if (fill is not null)
                {
                    c.Graphics.DrawRectangle(fill, x, c.Y, widths[i], height);
                }

                c.Graphics.DrawRectangle(Grid, x, c.Y, widths[i], height);
                var format = table.Columns[i].Alignment switch
                {
                    ColumnAlignment.Center => XStringFormats.TopCenter,
                    ColumnAlignment.Right => XStringFormats.TopRight,
                    _ => XStringFormats.TopLeft,
                };
                for (var l = first; l < Math.Min(first + count, cells[i].Count); l++)
                {
                    var rect = new XRect(x + Pad, c.Y + Pad + ((l - first) * LineHeight), widths[i] - (2 * Pad), LineHeight);
                    c.Graphics.DrawString(cells[i][l], font, XBrushes.Black, rect, format);
                }

                x += widths[i];
            }

            c.Y += height;
        }
    }
}
