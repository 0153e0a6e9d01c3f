using Trellis.Application.Actors;
using Trellis.Content.Demo;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Data;

namespace Trellis.Application.Compliance;

/// <summary>What loading the demo did: the program's counts and the engagements added to the calendar.</summary>
/// <param name="Organization">The demo company.</param>
/// <param name="Counts">What the program replacement wrote.</param>
/// <param name="Engagements">Engagements added (those already stored are kept).</param>
/// <param name="Findings">Findings added.</param>
public sealed record DemoLoad(string Organization, ProgramCounts Counts, int Engagements, int Findings);

/// <summary>
/// Replacing the whole program (program.yaml import, the demo) and importing controls — admins and compliance managers only, each replacement
/// one transaction with its audit entry.
/// </summary>
public sealed class ProgramImports(ProgramStore store, EngagementStore calendarStore, TimeProvider clock)
{
    /// <summary>
    /// Adds and updates controls read from a workbook, in one transaction with its audit entry (admins and compliance
    /// managers). With <paramref name="dryRun"/> nothing is written and the summary says what would change.
    /// </summary>
    public async Task<Result<ControlUpsertSummary>> ImportControlsAsync(Account actor, IReadOnlyList<Control> controls, bool dryRun, string source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(controls);
        if (!actor.ManagesProgram)
        {
            return new Error(ErrorCodes.Forbidden, "only an admin or a compliance manager imports controls");
        }

        // The workbook reader checks each ID's syntax; this checks them against the stored controls, ignoring case.
        var stored = (await store.LoadAsync(ct).ConfigureAwait(false)).Controls.Select(c => c.Id).ToList();
        foreach (var control in controls)
        {
            if (Ids.Check(control.Id, "id", "control") is { } badId)
            {
                return badId;
            }

            if (Ids.CaseTwin(control.Id, stored) is { } twin)
            {
                return Ids.Duplicate("control", control.Id, twin, "id");
            }
        }

        var record = AuditRecords.Of(clock, actor, "controls.import", "controls", new { source, controls = controls.Select(c => c.Id) });
        return await store.UpsertControlsAsync(record, controls, dryRun, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces the program with <paramref name="program"/> and its evidence file contents, all or nothing.
    /// <paramref name="source"/> says where it came from (a file name) for the audit trail.
    /// </summary>
    /// <param name="registers">The staff and vendor registers of the file, replacing the stored ones; null leaves them alone.</param>
    /// <param name="policies">The file's policies (its <c>policies</c> section), replacing the stored ones in the same transaction; null (no section) keeps them.</param>
    public async Task<Result<ProgramCounts>> ReplaceAsync(
        Account actor, ComplianceProgram program, IReadOnlyDictionary<string, byte[]> blobs, string source, CancellationToken ct,
        Trellis.Exchange.ProgramAsCode.ProgramRegisters? registers = null, IReadOnlyList<Core.Policies.Policy>? policies = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(program);
        if (!actor.ManagesProgram)
        {
            return new Error(ErrorCodes.Forbidden, "only an admin or a compliance manager replaces the program");
        }

        var record = AuditRecords.Of(clock, actor, "program.import", "program", new
        {
            source,
            organization = program.Organization,
            controls = program.Controls.Count,
            evidence = program.Evidence.Count,
            risks = program.Risks.Count,
            people = registers?.People.Select(p => p.Id),
            vendors = registers?.Vendors.Select(v => v.Id),
            policies = policies?.Select(p => p.Id),
        });

        // One transaction: the program and, when the file has them, the registers and the policies.
        var set = registers is { } r ? new RegisterSet(r.People, r.Vendors, r.Settings) : null;
        return await store.ReplaceAsync(record, program, blobs, policies, set, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads the demo company: its program (replacing the current one) and its planned engagements and findings
    /// (those not stored yet). With <paramref name="onlyIntoEmpty"/>, a database that already holds a program is left
    /// alone and the result is null.
    /// </summary>
    public async Task<Result<DemoLoad?>> LoadDemoAsync(Account actor, bool onlyIntoEmpty, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.ManagesProgram)
        {
            return new Error(ErrorCodes.Forbidden, "only an admin or a compliance manager loads the demo");
        }

        if (onlyIntoEmpty)
        {
            var current = await store.LoadAsync(ct).ConfigureAwait(false);
            if (current.Controls.Count > 0 || current.Evidence.Count > 0 || current.Risks.Count > 0)
            {
                return Result<DemoLoad?>.Ok(null);
            }
        }

        var (program, blobs) = DemoProgram.Create(clock);
        var (withPolicies, allBlobs, policies) = DemoWithPolicies(program, blobs, clock.GetUtcNow());
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var people = DemoRegisters.People(today);
        var vendors = DemoRegisters.Vendors(today);
        var record = AuditRecords.Of(clock, actor, "program.load-demo", "program", new
        {
            organization = program.Organization,
            controls = program.Controls.Count,
            evidence = withPolicies.Evidence.Count,
            policies = policies.Count,
            people = people.Select(p => p.Id),
            vendors = vendors.Select(v => v.Id),
        });
        var loaded = await store.ReplaceAsync(record, withPolicies, allBlobs, policies, new RegisterSet(people, vendors, DemoRegisters.Settings), ct).ConfigureAwait(false);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var set = DemoAudits.Create(today);
        var calendar = AuditRecords.Of(clock, actor, "engagements.load-demo", "engagements", new { engagements = set.Engagements.Select(e => e.Id), findings = set.Findings.Select(f => f.Id) });
        var (engagements, findings) = await calendarStore.AddMissingAsync(calendar, set.Engagements, set.Findings, ct).ConfigureAwait(false);
        return Result<DemoLoad?>.Ok(new DemoLoad(program.Organization, loaded.Value, engagements, findings));
    }

    // The demo's policies (DemoPolicies), each published one with its evidence item as publishing would have made it.
    private static (ComplianceProgram Program, IReadOnlyDictionary<string, byte[]> Blobs, IReadOnlyList<Core.Policies.Policy> Policies) DemoWithPolicies(
        ComplianceProgram program, IReadOnlyDictionary<string, byte[]> blobs, DateTimeOffset now)
    {
        var evidence = program.Evidence.ToList();
        var allBlobs = new Dictionary<string, byte[]>(blobs, StringComparer.Ordinal);
        var policies = new List<Core.Policies.Policy>();
        foreach (var p in DemoPolicies.Create(now, program.Organization))
        {
            var controls = Policies.PolicyService.SupportedControls(p, program.Controls);
            if (p.Current is not { } current || controls.Count == 0)
            {
                policies.Add(p);
                continue;
            }

            var published = Policies.PolicyService.PublishedEvidence(p, current, controls, current.PublishedAt ?? now);
            var id = $"EV-{p.Id}";
            evidence.Add(new Core.Evidence.EvidenceItem { Id = id, Title = published.Title, Source = "policy", ControlIds = published.ControlIds, Versions = [published.Version] });
            allBlobs[published.Version.Sha256!] = published.Content;
            policies.Add(p with { EvidenceId = id });
        }

        return (program with { Evidence = evidence }, allBlobs, policies);
    }
}
