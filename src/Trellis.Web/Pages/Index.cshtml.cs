using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Data;
using Trellis.Web.Api;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages;

/// <summary>
/// The dashboard: "what now?" (next audit events, stale or soon-stale evidence, overdue corrective actions, lapsed
/// judgements, controls without an owner, the account's own controls), readiness per pursued framework, and readiness
/// over time from the daily snapshots as an inline SVG chart with a table alternative.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class IndexModel(ProgramService program, Agenda agenda, Application.Operations.TaskService tasks, Application.Vendors.VendorService vendors, Application.Policies.PolicyService policies, Application.People.PeopleService people) : PageModel
{
    /// <summary>Days of history the chart shows.</summary>
    public const int HistoryDays = 90;

    /// <summary>One summary per framework pursued that the account sees.</summary>
    public IReadOnlyList<ReadinessSummaryView> Readiness { get; private set; } = [];

    /// <summary>The kept counts of each framework shown, oldest first, over the last <see cref="HistoryDays"/> days.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ReadinessCounts>> History { get; private set; } = new Dictionary<string, IReadOnlyList<ReadinessCounts>>();

    /// <summary>What needs doing.</summary>
    public AgendaView Agenda { get; private set; } = null!;

    /// <summary>Open, overdue and snoozed recurring tasks (staff; empty for an auditor).</summary>
    public IReadOnlyList<Core.Operations.ControlTask> Tasks { get; private set; } = [];

    /// <summary>Vendor exceptions today: overdue reviews, expired or modified assurance, each naming the vendor.</summary>
    public IReadOnlyList<Core.Vendors.VendorWarning> VendorExceptions { get; private set; } = [];

    /// <summary>Staff gaps today (training past the interval, screening missing or late), by opaque ID and role.</summary>
    public IReadOnlyList<Core.People.StaffGap> StaffGaps { get; private set; } = [];

    /// <summary>Collector exceptions today (issue 19): failed checks and sources not observed, each naming its control.</summary>
    public IReadOnlyList<Trellis.Collectors.CollectorAlert> CollectorExceptions { get; private set; } = [];

    /// <summary>True when the account may open the staff register (admins and compliance managers).</summary>
    public bool SeesPeople { get; private set; }

    /// <summary>Published policies whose current version the signed-in person has not acknowledged.</summary>
    public IReadOnlyList<Core.Policies.Policy> PoliciesToAcknowledge { get; private set; } = [];

    /// <summary>Organization name.</summary>
    public string Organization { get; private set; } = "";

    /// <summary>SoA rows with drift.</summary>
    public int Drift { get; private set; }

    /// <summary>The account's e-mail (the owner name of its controls).</summary>
    public string Email { get; private set; } = "";

    /// <summary>The first day of the chart.</summary>
    public DateOnly From { get; private set; }

    /// <summary>
    /// Builds the dashboard. An auditor lands on their engagement instead (issue 16, item 1): the company's readiness
    /// score is an internal figure, not what they came to test.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var account = HttpContext.Account();
        if (account.Role == Roles.Auditor)
        {
            return account.Scope?.EngagementId is { } engagement
                ? LocalRedirect("/engagements/" + Uri.EscapeDataString(engagement))
                : LocalRedirect("/engagements");
        }

        Email = account.Email;
        Readiness = await ReadinessEndpoints.SummariesFor(HttpContext, program, ct);
        Organization = (await program.LoadAsync(ct)).Organization;
        var soa = await program.SoaAsync(account, ct);
        Drift = soa.IsSuccess ? soa.Value.Count(r => r.Drift.Count > 0) : 0;
        Agenda = await agenda.BuildAsync(account, ct);
        var pending = await tasks.ListAsync(account, new Application.Operations.TaskQuery(PendingOnly: true), ct);
        Tasks = pending.IsSuccess ? pending.Value : [];
        VendorExceptions = await vendors.ExceptionsAsync(account, ct);
        StaffGaps = await people.ExceptionsAsync(account, ct);
        CollectorExceptions = account.Scope is null ? await program.CollectorAlertsAsync(ct) : [];
        SeesPeople = Application.People.PeopleService.Sees(account);
        PoliciesToAcknowledge = await policies.PendingForAsync(account, ct);
        From = program.Today.AddDays(-HistoryDays + 1);
        var history = new Dictionary<string, IReadOnlyList<ReadinessCounts>>(StringComparer.Ordinal);
        foreach (var r in Readiness)
        {
            var kept = await program.ReadinessHistoryAsync(account, r.Framework, From, ct);
            history[r.Framework] = kept.IsSuccess ? kept.Value : [];
        }

        History = history;
        return Page();
    }

    /// <summary>Covered share of the requirements in scope, in percent (0 when none are in scope).</summary>
    public static int Percent(ReadinessCounts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var inScope = c.Covered + c.Partial + c.Gap;
        return inScope == 0 ? 0 : (int)Math.Round(100.0 * c.Covered / inScope);
    }

    /// <summary>The SVG polyline points of a framework's covered percentage: x = day since <see cref="From"/> (0–89), y = 100 − percent.</summary>
    public string Points(IReadOnlyList<ReadinessCounts> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return string.Join(' ', history.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Day.DayNumber - From.DayNumber},{100 - Percent(h)}")));
    }
}
