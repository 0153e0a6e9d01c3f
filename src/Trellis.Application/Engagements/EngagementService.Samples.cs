using System.Globalization;
using System.Security.Cryptography;
using Trellis.Application.Actors;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.Program;

namespace Trellis.Application.Engagements;

/// <summary>What to draw: the control, and optionally the size, the seed, an uploaded population and the requests' due date.</summary>
/// <param name="Control">The control tested.</param>
/// <param name="Size">Items to draw; null for the default of the control's frequency (<see cref="SamplingDefaults"/>).</param>
/// <param name="Seed">The seed; null for a fresh random one (recorded with the sample either way).</param>
/// <param name="Population">An uploaded population's ID; null for the control's occurrences in the window (the ledger).</param>
/// <param name="DueOn">When the sampled items' requests are due; null for 14 days from today.</param>
public sealed record DrawSample(string Control, int? Size = null, ulong? Seed = null, string? Population = null, DateOnly? DueOn = null);

/// <summary>
/// Populations and samples (issue 16, item 3; docs/auditors.md). The population of a control in an engagement is its
/// due occurrences in the window from the operation ledger (each period, with the evidence that speaks for it — a
/// missing one stays in: the auditor may draw it), or a population list the lead uploads. The auditor (or a manager)
/// draws a sample with a recorded method and seed; each drawn item becomes a request, in the same write.
/// </summary>
public sealed partial class EngagementService
{
    /// <summary>Days from today the requests of a sample are due unless a date is given.</summary>
    public const int SampleRequestDays = 14;

    /// <summary>The population of a control in an engagement the account sees: an uploaded one, or the ledger's.</summary>
    public async Task<Result<(string Source, IReadOnlyList<PopulationItem> Items, Cadence Cadence)>> PopulationAsync(
        Account account, string engagementId, string control, string? populationId, CancellationToken ct)
    {
        var engagement = await GetAsync(account, engagementId, ct);
        if (!engagement.IsSuccess)
        {
            return engagement.Error!;
        }

        var found = (await program.ControlsAsync(account, ct)).FirstOrDefault(c => c.Id == control);
        if (found is null)
        {
            return new Error(ErrorCodes.UnknownControl, $"unknown control '{control}'", "control");
        }

        if (populationId is not null)
        {
            var uploaded = (await store.PopulationsAsync(ct)).Select(p => p.Value)
                .FirstOrDefault(p => p.Id == populationId && p.EngagementId == engagementId && p.ControlId == control);
            return uploaded is null
                ? new Error(ErrorCodes.UnknownSample, $"no population '{populationId}' of control {control} in engagement {engagementId}", "population")
                : (uploaded.Id, uploaded.Items, found.Cadence);
        }

        var ledger = await LedgerAsync(account, engagement.Value.Value, ct);
        if (!ledger.IsSuccess)
        {
            return ledger.Error!;
        }

        var row = ledger.Value.Controls.FirstOrDefault(c => c.ControlId == control);
        IReadOnlyList<PopulationItem> items = row is null ? []
            : row.Cadence == Cadence.OnEvent
                ? [.. row.Observed.Select(o => new PopulationItem($"{o.EvidenceId} v{o.Version}", o.Effective.End, [o.EvidenceId]))]
                : [.. row.Expected.Where(o => o.Due && o.DidNotOccurReason is null).Select(o => new PopulationItem(
                    o.InWindow.Start == o.InWindow.End ? Day(o.InWindow.Start) : $"{Day(o.InWindow.Start)}..{Day(o.InWindow.End)}",
                    o.InWindow.End, [.. o.Evidence.Select(e => e.EvidenceId).Distinct(StringComparer.Ordinal)]))];
        return ("ledger", items, found.Cadence);
    }

    /// <summary>Draws a sample and raises one request per item (auditor, admin, compliance manager).</summary>
    public async Task<Result<AuditSample>> DrawSampleAsync(Account account, string engagementId, DrawSample draw, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(draw);
        var population = await PopulationAsync(account, engagementId, draw.Control, Blank(draw.Population), ct);
        if (!population.IsSuccess)
        {
            return population.Error!;
        }

        if (!Reviews(account))
        {
            return new Error(ErrorCodes.Forbidden, "only the auditor (or an admin or compliance manager) draws samples");
        }

        var (source, items, cadence) = population.Value;
        var due = draw.DueOn ?? Today.AddDays(SampleRequestDays);
        if (due < Today)
        {
            return new Error(ErrorCodes.InvalidRequest, $"the due date {CalendarDates.Format(due)} is before today", "dueOn");
        }

        var seed = draw.Seed ?? BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        var size = draw.Size ?? (sampling ?? SamplingDefaults.Practice).For(cadence, Math.Max(1, items.Count));
        var drawn = Sampling.Draw(items, size, seed);
        if (!drawn.IsSuccess)
        {
            return drawn.Error!;
        }

        var at = clock.GetUtcNow();
        var sample = new AuditSample
        {
            Id = "",
            EngagementId = engagementId,
            ControlId = draw.Control,
            PopulationSource = source,
            PopulationSize = items.Count,
            Method = Sampling.Method,
            Seed = seed,
            Items = drawn.Value,
            DrawnBy = account.Email,
            DrawnAt = at,
        };
        return await store.AddSampleAsync(
            s => Record(account, "sample.draw", $"sample/{s.Id}", new
            {
                engagement = engagementId,
                control = s.ControlId,
                population = s.PopulationSource,
                populationSize = s.PopulationSize,
                method = s.Method,
                seed = s.Seed.ToString(CultureInfo.InvariantCulture),
                items = s.Items.Select(i => i.Item),
                requests = s.RequestIds,
            }),
            sample,
            (s, i) => new AuditRequest
            {
                Id = "",
                EngagementId = engagementId,
                ControlId = s.ControlId,
                SampleId = s.Id,
                SampleItem = s.Items[i].Item,
                DueOn = due,
                RaisedBy = account.Email,
                Text = $"Sample {s.Id}, item {i + 1} of {s.Items.Count}: show control {s.ControlId} operating for {s.Items[i].Item}.",
                Thread = [new RequestEntry(at, account.Email, "raised", $"drawn in sample {s.Id}", [])],
            },
            ct);
    }

    /// <summary>Stores a population list for a control (admin, compliance manager) with the query that produced it.</summary>
    public async Task<Result<Population>> UploadPopulationAsync(Account account, string engagementId, string control, string? query, string? csv, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var engagement = await GetAsync(account, engagementId, ct);
        if (!engagement.IsSuccess)
        {
            return engagement.Error!;
        }

        if (!account.ManagesProgram)
        {
            return new Error(ErrorCodes.Forbidden, "only an admin or a compliance manager uploads populations");
        }

        if (!(await program.ControlsAsync(account, ct)).Any(c => c.Id == control))
        {
            return new Error(ErrorCodes.UnknownControl, $"unknown control '{control}'", "control");
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return new Error(ErrorCodes.MissingField, "say which query or filter produced the list", "query");
        }

        if (query.Length > AuditRequestLifecycle.MaxText)
        {
            return new Error(ErrorCodes.FieldTooLong, $"query is longer than {AuditRequestLifecycle.MaxText} characters", "query");
        }

        var items = PopulationCsv.Parse(csv ?? "");
        if (!items.IsSuccess)
        {
            return items.Error!;
        }

        var population = new Population
        {
            Id = "",
            EngagementId = engagementId,
            ControlId = control,
            Query = query.Trim(),
            Csv = csv!,
            Items = items.Value,
            UploadedBy = account.Email,
            UploadedAt = clock.GetUtcNow(),
        };
        return await store.AddPopulationAsync(
            p => Record(account, "population.upload", $"population/{p.Id}", new { engagement = engagementId, control, query = p.Query, rows = p.Items.Count }), population, ct);
    }

    /// <summary>The samples of an engagement the account sees (of the controls it sees).</summary>
    public async Task<Result<IReadOnlyList<AuditSample>>> SamplesAsync(Account account, string engagementId, CancellationToken ct)
    {
        var engagement = await GetAsync(account, engagementId, ct);
        var visible = (await program.ControlsAsync(account, ct)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return engagement.IsSuccess
            ? Result<IReadOnlyList<AuditSample>>.Ok([.. (await store.SamplesAsync(ct)).Select(s => s.Value).Where(s => s.EngagementId == engagementId && visible.Contains(s.ControlId))])
            : engagement.Error!;
    }

    /// <summary>The uploaded populations of an engagement the account sees (of the controls it sees).</summary>
    public async Task<Result<IReadOnlyList<Population>>> PopulationsAsync(Account account, string engagementId, CancellationToken ct)
    {
        var engagement = await GetAsync(account, engagementId, ct);
        var visible = (await program.ControlsAsync(account, ct)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return engagement.IsSuccess
            ? Result<IReadOnlyList<Population>>.Ok([.. (await store.PopulationsAsync(ct)).Select(p => p.Value).Where(p => p.EngagementId == engagementId && visible.Contains(p.ControlId))])
            : engagement.Error!;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
