using System.Globalization;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Exchange.Reports;
using Trellis.Exchange.Reports.Builders;

namespace Trellis.Application.Exports;

/// <summary>
/// <c>DraftBridgeLetter</c>: for the days between the end of a SOC 2 report's period and a chosen date, a draft bridge
/// letter (docs/audit-cycle.md §1.4) from the program's audit trail (controls added, changed, retired) and its findings,
/// as PDF or HTML through the report writers. Staff only: management writes bridge letters, not auditors.
/// </summary>
public sealed class BridgeLetters(ProgramService program, EngagementService engagements, TimeProvider clock)
{
    /// <summary>The formats a bridge letter is drafted in: <c>pdf</c> and <c>html</c>.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["pdf", "html"];

    /// <summary>Drafts the letter (format-independent).</summary>
    public async Task<Result<BridgeLetter>> DraftAsync(Account account, string engagement, DateOnly until, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Scope is not null)
        {
            return new Error(ErrorCodes.Forbidden, "bridge letters are written by the service organization's management, not by auditors");
        }

        var found = await engagements.GetAsync(account, engagement, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var e = found.Value.Value;
        var today = program.Today;
        if (e.PeriodEnd is not { } end || until <= end || !e.Kind.IsSoc2())
        {
            return BridgeLetter.Draft(e, until, [], [], today);
        }

        var changes = await program.ControlHistoryAsync(account, end.AddDays(1), until, ct);
        if (!changes.IsSuccess)
        {
            return changes.Error!;
        }

        return BridgeLetter.Draft(e, until, changes.Value, await engagements.FindingsAsync(account, null, ct), today);
    }

    /// <summary>Drafts the letter and renders it as <c>pdf</c> (the default) or <c>html</c>.</summary>
    public async Task<Result<ExportFile>> RenderAsync(Account account, string engagement, DateOnly until, string? format, CancellationToken ct)
    {
        format ??= "pdf";
        if (!Formats.Contains(format) || !ReportNames.TryParse(format, out ReportFormat f))
        {
            return new Error(ErrorCodes.InvalidFormat, $"unknown bridge letter format '{format}'; use one of {string.Join(", ", Formats)}", "format");
        }

        var letter = await DraftAsync(account, engagement, until, ct);
        if (!letter.IsSuccess)
        {
            return letter.Error!;
        }

        var p = await program.LoadAsync(ct);
        var document = BridgeLetterReport.Build(letter.Value, p.Organization, clock.GetUtcNow());
        var name = $"trellis-bridge-letter-{engagement}-{until.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.{f.ToWire()}";
        return new ExportFile(ReportService.Write(document, f), f.MediaType(), EvidenceFiles.SanitizeFileName(name));
    }
}
