using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Exchange.Reports.Builders;
using Trellis.Exchange.Reports.Writers;

namespace Trellis.Exchange.Reports;

/// <summary>
/// Builds a report of a given kind from the program and renders it in a given format: what <c>trellis report</c>
/// and the web API call. Unknown kinds, formats and frameworks, missing options and bad windows are typed
/// <see cref="Error"/>s; the generation time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
/// <param name="clock">The clock the "generated at" instant is read from.</param>
public sealed class ReportService(TimeProvider clock)
{
    /// <summary>The frameworks gap and readiness reports cover when none is named.</summary>
    public static IReadOnlyList<string> DefaultFrameworks { get; } = [FrameworkIds.Iso27001v2022, FrameworkIds.Soc2v2017];

    /// <summary>The framework of the control matrix when none is named.</summary>
    public const string DefaultMatrixFramework = FrameworkIds.Soc2v2017;

    /// <summary>Builds the report and renders it.</summary>
    /// <param name="kind">Report kind wire name (<see cref="ReportNames.KindNames"/>).</param>
    /// <param name="options">Format, frameworks, window.</param>
    /// <param name="program">The program; may be null only for the crosswalk report.</param>
    /// <param name="engine">The crosswalk over the catalog (shipped and imported frameworks: the application layer's FrameworkLibrary).</param>
    /// <param name="today">The calendar day readiness, freshness and drift are judged on.</param>
    public Result<byte[]> Render(string kind, ReportOptions options, ComplianceProgram? program, CrosswalkEngine engine, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!ReportNames.TryParse(options.Format, out ReportFormat format))
        {
            return new Error(ErrorCodes.InvalidFormat, $"unknown report format '{options.Format}'; use one of {string.Join(", ", ReportNames.FormatNames)}");
        }

        var document = Build(kind, options, program, engine, today);
        return document.IsSuccess ? Write(document.Value, format) : document.Error!;
    }

    /// <summary>Builds the report document (format-independent); <see cref="ReportOptions.Format"/> is not used.</summary>
    public Result<ReportDocument> Build(string kind, ReportOptions options, ComplianceProgram? program, CrosswalkEngine engine, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(engine);
        if (!ReportNames.TryParse(kind, out ReportKind k))
        {
            var near = Suggestions.Nearest(kind ?? "", ReportNames.KindNames, 1);
            return new Error(ErrorCodes.UnknownReportKind, $"unknown report '{kind}'; did you mean {string.Join(", ", near)}? Reports: {string.Join(", ", ReportNames.KindNames)}");
        }

        var at = clock.GetUtcNow();
        if (k == ReportKind.Crosswalk)
        {
            return Crosswalk(options, engine, at);
        }

        if (program is null)
        {
            return new Error(ErrorCodes.ProgramRequired, $"the {kind} report needs a program");
        }

        var policy = options.Freshness;
        switch (k)
        {
            case ReportKind.Soa:
                if (options.Framework is { } f && f != FrameworkIds.Iso27001v2022)
                {
                    return new Error(ErrorCodes.UnsupportedFramework, $"the SoA lists the Annex A controls of {FrameworkIds.Iso27001v2022}, not {f}");
                }

                return Map(engine.Catalog.Framework(FrameworkIds.Iso27001v2022), iso => SoaReport.Build(program, iso, today, at, policy, options.Policies));
            case ReportKind.Matrix:
                return Map(engine.Catalog.Framework(options.Framework ?? DefaultMatrixFramework), fw => MatrixReport.Build(program, engine, fw, today, at, policy, options.Policies));
            case ReportKind.Gap:
                return Map(Frameworks(engine, options.Framework), fws => GapReport.Build(program, engine, fws, today, at, policy));
            case ReportKind.Readiness:
                return Map(Frameworks(engine, options.Framework), fws => ReadinessSummaryReport.Build(program, engine, fws, today, at, policy));
            case ReportKind.SystemDescription:
                return SystemDescriptionReport.Build(program, options.Vendors ?? [], today, at);
            default:
                if ((options.WindowStart is null) != (options.WindowEnd is null))
                {
                    return new Error(ErrorCodes.InvalidWindow, "an observation window needs both a start and an end date");
                }

                if (options.WindowStart > options.WindowEnd)
                {
                    return new Error(ErrorCodes.InvalidWindow, $"the observation window starts ({ReportText.Date(options.WindowStart)}) after it ends ({ReportText.Date(options.WindowEnd)})");
                }

                return EvidenceIndexReport.Build(program, options.WindowStart, options.WindowEnd, at);
        }
    }

    /// <summary>Renders any report document in a format.</summary>
    public static byte[] Write(ReportDocument document, ReportFormat format) => format switch
    {
        ReportFormat.Xlsx => XlsxReportWriter.Write(document),
        ReportFormat.Html => HtmlReportWriter.Write(document),
        ReportFormat.Pdf => PdfReportWriter.Write(document),
        ReportFormat.Csv => CsvReportWriter.Write(document),
        ReportFormat.Json => JsonReportWriter.Write(document),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static Result<ReportDocument> Crosswalk(ReportOptions options, CrosswalkEngine engine, DateTimeOffset at)
    {
        if (options.Framework is null || options.To is null)
        {
            return new Error(ErrorCodes.MissingOption, "the crosswalk report needs the framework on the left (--framework) and on the right (--to)");
        }

        var from = engine.Catalog.Framework(options.Framework);
        if (!from.IsSuccess)
        {
            return from.Error!;
        }

        var to = engine.Catalog.Framework(options.To);
        return to.IsSuccess ? CrosswalkReport.Build(engine, from.Value, to.Value, options.IncludeInferred, at) : to.Error!;
    }

    private static Result<IReadOnlyList<Framework>> Frameworks(CrosswalkEngine engine, string? framework)
    {
        var result = new List<Framework>();
        foreach (var id in framework is null ? DefaultFrameworks : [framework])
        {
            var fw = engine.Catalog.Framework(id);
            if (!fw.IsSuccess)
            {
                return fw.Error!;
            }

            result.Add(fw.Value);
        }

        return result;
    }

    private static Result<ReportDocument> Map<T>(Result<T> input, Func<T, ReportDocument> build) =>
        input.IsSuccess ? build(input.Value) : input.Error!;
}
