using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Trellis.Core.Policies;

namespace Trellis.Exchange.Policies;

/// <summary>
/// A policy's Markdown (CommonMark + pipe tables) as HTML that is safe to show: Markdig renders it, then HtmlSanitizer
/// keeps only harmless tags and attributes — scripts, event handlers, <c>javascript:</c> links, iframes, forms and
/// styles with expressions are removed. Core keeps the text; this is the one place it becomes HTML.
/// </summary>
public static class PolicyMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().Build();

    /// <summary>The sanitized HTML fragment of <paramref name="markdown"/>.</summary>
    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var raw = Markdown.ToHtml(markdown, Pipeline);
        return NewSanitizer().Sanitize(raw);
    }

    /// <summary>
    /// The published file of a version: a standalone UTF-8 HTML page (title, version, approvals, sanitized text).
    /// Byte-stable for the same policy version, so its SHA-256 identifies the approved text.
    /// </summary>
    public static byte[] Document(Policy policy, PolicyVersion version)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(version);
        var html = new StringBuilder();
        var title = WebUtility.HtmlEncode(policy.Title);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(title).Append("</title></head><body>\n");
        html.Append("<h1>").Append(title).Append("</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Policy {WebUtility.HtmlEncode(policy.Id)}, version {version.Number}. Owner: {WebUtility.HtmlEncode(policy.Owner)}.</p>\n");
        foreach (var a in version.Approvals)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Approved by {WebUtility.HtmlEncode(a.Approver)} on {a.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC.</p>\n");
        }

        html.Append(ToHtml(version.Body)).Append("\n</body></html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>Lowercase hex SHA-256 of <see cref="Document"/>: the hash printed on the PDF and kept with the evidence.</summary>
    public static string Sha256(Policy policy, PolicyVersion version) => Convert.ToHexStringLower(SHA256.HashData(Document(policy, version)));

    /// <summary>File name of the published file, e.g. <c>POL-001-v2.html</c>.</summary>
    public static string FileName(Policy policy, PolicyVersion version)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(version);
        return string.Create(CultureInfo.InvariantCulture, $"{policy.Id}-v{version.Number}.html");
    }

    /// <summary>
    /// The text as plain blocks under their headings (for the PDF): each heading starts a section; paragraphs, list
    /// items (with a bullet) and table rows are its lines. Raw HTML is left out.
    /// </summary>
    public static IReadOnlyList<(string Heading, IReadOnlyList<string> Lines)> Sections(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var doc = Markdown.Parse(markdown, Pipeline);
        var sections = new List<(string, IReadOnlyList<string>)>();
        var heading = "Text";
        var lines = new List<string>();
        foreach (var block in doc)
        {
            if (block is HeadingBlock h)
            {
                if (lines.Count > 0)
                {
                    sections.Add((heading, lines));
                }

                heading = Plain(h.Inline);
                lines = [];
            }
            else
            {
                Collect(block, lines, "");
            }
        }

        if (lines.Count > 0 || sections.Count == 0)
        {
            sections.Add((heading, lines));
        }

        return sections;
    }

    private static void Collect(Block block, List<string> lines, string prefix)
    {
        switch (block)
        {
            case ParagraphBlock p:
                lines.Add(prefix + Plain(p.Inline));
                break;
            case ListBlock list:
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    foreach (var inner in item)
                    {
                        Collect(inner, lines, "• ");
                    }
                }

                break;
            case Markdig.Extensions.Tables.Table table:
                foreach (var row in table.OfType<Markdig.Extensions.Tables.TableRow>())
                {
                    lines.Add(string.Join(" | ", row.OfType<Markdig.Extensions.Tables.TableCell>().Select(c => string.Join(" ", c.OfType<ParagraphBlock>().Select(x => Plain(x.Inline))))));
                }

                break;
            case QuoteBlock quote:
                foreach (var inner in quote)
                {
                    Collect(inner, lines, prefix);
                }

                break;
            case FencedCodeBlock or CodeBlock:
                lines.Add(prefix + ((LeafBlock)block).Lines.ToString());
                break;
            default:
                break;
        }
    }

    private static string Plain(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var i in inline.Descendants())
        {
            switch (i)
            {
                case LiteralInline l:
                    text.Append(l.Content.ToString());
                    break;
                case CodeInline c:
                    text.Append(c.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                default:
                    break;
            }
        }

        return text.ToString().Trim();
    }

    private static HtmlSanitizer NewSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("mailto");
        s.AllowedTags.Remove("form");
        s.AllowedTags.Remove("input");
        s.AllowedTags.Remove("button");
        s.AllowedTags.Remove("textarea");
        s.AllowedTags.Remove("select");
        s.AllowedTags.Remove("style");
        s.AllowedAttributes.Remove("style");
        return s;
    }
}
