using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Core.Common;
using Trellis.Exchange.Oscal;
using Trellis.Exchange.Reports;

namespace Trellis.Application.Exports;

/// <summary>A file to download: bytes, media type and the name to save it as.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="MediaType">The media type.</param>
/// <param name="FileName">A safe file name.</param>
public sealed record ExportFile(byte[] Content, string MediaType, string FileName);

/// <summary>
/// Reports and OSCAL documents from the web app: the same builders as <c>trellis report</c> and
/// <c>trellis oscal export</c>, on the program as stored now. Staff only — auditors receive these files from the
/// compliance team; every OSCAL document is checked against the OSCAL 1.2.1 schema before it leaves
/// (<see cref="OscalExport.ToValidatedJson"/>).
/// </summary>
public sealed class ExportService(ProgramService program, EngagementService engagements, Policies.PolicyService policies, Vendors.VendorService vendorRegister, TimeProvider clock)
{
    /// <summary>The OSCAL documents the web app exports, by wire name.</summary>
    public static IReadOnlyList<string> OscalKinds { get; } = ["component", "ssp", "assessment-results"];

    /// <summary>Renders a report (<see cref="ReportNames.KindNames"/>, <see cref="ReportNames.FormatNames"/>).</summary>
    public async Task<Result<ExportFile>> ReportAsync(
        Account account, string kind, string? format, string? framework, string? to, string? engagement, bool inferred, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        format ??= "xlsx";
        if (!ReportNames.TryParse(format, out ReportFormat f))
        {
            return new Error(ErrorCodes.InvalidFormat, $"unknown report format '{format}'; use one of {string.Join(", ", ReportNames.FormatNames)}", "format");
        }

        DateOnly? start = null, end = null;
        if (engagement is not null)
        {
            var found = await engagements.GetAsync(account, engagement, ct);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            if (found.Value.Value.Window is not { } window)
            {
                return new Error(ErrorCodes.NoWindow, $"engagement {engagement} has no observation window to index evidence for", "engagement");
            }

            (start, end) = (window.Start, window.End);
        }

        // The system description's subservice organizations come from the vendor register (not shown to auditors).
        IReadOnlyList<Core.Vendors.Vendor> vendors = [];
        if (kind == "system-description" && await vendorRegister.ListAsync(account, ct) is { IsSuccess: true } listed)
        {
            vendors = [.. listed.Value.Select(v => v.Vendor)];
        }

        var options = new ReportOptions
        {
            Format = format,
            Framework = framework,
            To = to,
            WindowStart = start,
            WindowEnd = end,
            IncludeInferred = inferred,
            Vendors = vendors,
            Policies = CitesPolicies(kind) ? [.. (await policies.ListAsync(account, ct)).Select(v => v.Policy)] : [],
        };
        var p = kind == "crosswalk" ? null : await program.LoadAsync(ct);
        var bytes = new ReportService(clock).Render(kind, options, p, await program.EngineAsync(ct), program.Today);
        if (!bytes.IsSuccess)
        {
            return bytes.Error!;
        }

        var name = string.Join('-', new[] { "trellis", kind, framework, to, engagement }.OfType<string>());
        return new ExportFile(bytes.Value, f.MediaType(), EvidenceFiles.SanitizeFileName($"{name}-{Stamp()}.{f.ToWire()}"));
    }

    /// <summary>The reports an engagement's own download offers: the control matrix of its framework and its evidence index.</summary>
    public static IReadOnlyList<string> EngagementReportKinds { get; } = ["matrix", "evidence-index"];

    /// <summary>
    /// The control matrix (of the engagement's framework) or the evidence index (of its window) of one engagement the
    /// account sees (issue 16, item 1): built from the account's view, so an auditor gets exactly what their scope shows —
    /// their framework's controls and mappings, the evidence effective in their window, states as of the window — and
    /// staff the whole program as of today. Another engagement is <c>unknown-engagement</c>, as everywhere.
    /// </summary>
    public async Task<Result<ExportFile>> EngagementReportAsync(Account account, string engagementId, string kind, string? format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var found = await engagements.GetAsync(account, engagementId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (!EngagementReportKinds.Contains(kind, StringComparer.Ordinal))
        {
            return new Error(ErrorCodes.UnknownReportKind, $"unknown engagement report '{kind}'; use one of {string.Join(", ", EngagementReportKinds)}", "kind");
        }

        format ??= "xlsx";
        if (!ReportNames.TryParse(format, out ReportFormat f))
        {
            return new Error(ErrorCodes.InvalidFormat, $"unknown report format '{format}'; use one of {string.Join(", ", ReportNames.FormatNames)}", "format");
        }

        var engagement = found.Value.Value;
        var (start, end) = engagement.Window is { } w ? (w.Start, w.End) : engagement.AsOf is { } asOf ? (asOf, asOf) : ((DateOnly?)null, (DateOnly?)null);
        if (kind == "evidence-index" && start is null)
        {
            return new Error(ErrorCodes.NoWindow, $"engagement {engagement.Id} has no observation window or as-of day to index evidence for", "engagement");
        }

        var view = await program.ViewAsync(account, ct);
        var options = new ReportOptions
        {
            Format = format,
            Framework = engagement.Framework,
            WindowStart = start,
            WindowEnd = end,
            Policies = CitesPolicies(kind) ? [.. (await policies.ListAsync(account, ct)).Select(v => v.Policy)] : [],
        };
        var bytes = new ReportService(clock).Render(kind, options, view.AsOfProgram(), await program.EngineAsync(ct), view.AsOf);
        if (!bytes.IsSuccess)
        {
            return bytes.Error!;
        }

        return new ExportFile(bytes.Value, f.MediaType(), EvidenceFiles.SanitizeFileName($"trellis-{engagement.Id}-{kind}-{Stamp()}.{f.ToWire()}"));
    }

    /// <summary>Exports an OSCAL document: <c>component</c>, <c>ssp</c> (needs a framework) or <c>assessment-results</c> (needs an engagement).</summary>
    public async Task<Result<ExportFile>> OscalAsync(Account account, string kind, string? framework, string? engagement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var options = new OscalExportOptions { Time = clock };
        var p = await program.LoadAsync(ct);
        var engine = await program.EngineAsync(ct);
        Result<JsonObject> document;
        OscalModel model;
        switch (kind)
        {
            case "component":
                (document, model) = (OscalComponentExport.Build(p, engine, options), OscalModel.ComponentDefinition);
                break;
            case "ssp":
                if (framework is null)
                {
                    return new Error(ErrorCodes.MissingOption, "the system security plan answers one framework: add ?framework=", "framework");
                }

                (document, model) = (OscalSspExport.Build(p, engine, framework, options), OscalModel.SystemSecurityPlan);
                break;
            case "assessment-results":
                if (engagement is null)
                {
                    return new Error(ErrorCodes.MissingOption, "assessment results belong to one engagement: add ?engagement=", "engagement");
                }

                var found = await engagements.GetAsync(account, engagement, ct);
                if (!found.IsSuccess)
                {
                    return found.Error!;
                }

                var findings = await engagements.FindingsAsync(account, engagement, ct);
                (document, model) = (OscalAssessmentResultsExport.Build(p, found.Value.Value, findings, engine.Catalog, options), OscalModel.AssessmentResults);
                break;
            default:
                return new Error(ErrorCodes.UnknownOscalExport, $"unknown OSCAL export '{kind}'; use one of {string.Join(", ", OscalKinds)}");
        }

        if (!document.IsSuccess)
        {
            return document.Error!;
        }

        var name = string.Join('-', new[] { "trellis", model.RootName(), framework, engagement }.OfType<string>());
        return new ExportFile(Encoding.UTF8.GetBytes(OscalExport.ToValidatedJson(document.Value, model)), "application/json", EvidenceFiles.SanitizeFileName($"{name}-{Stamp()}.json"));
    }

    private string Stamp() => program.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    // Only the SoA and the SOC 2 control matrix cite policies; other reports need not read them.
    private static bool CitesPolicies(string kind) => kind is "soa" or "matrix";
}
