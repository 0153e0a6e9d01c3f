using Trellis.Application.Actors;
using Trellis.Application.Catalogs;
using Trellis.Core.Common;
using Trellis.Core.Evidence;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Data;
using Trellis.Data.AuditTrail;

namespace Trellis.Application.Compliance;

/// <summary>
/// The program as the web app serves it: reads scoped to the account (an auditor sees its engagement's frameworks,
/// the controls mapped to them and the evidence effective inside its window), and writes that check the account's
/// rights on the resource and go to the audit trail. The API and the UI both go through here. The program comes
/// from the <see cref="ProgramCache"/> (reloaded only after a write), once per request.
/// </summary>
public sealed partial class ProgramService(ProgramStore store, ProgramCache cache, FrameworkLibrary library, TimeProvider clock)
{
    private ComplianceProgram? _program;
    private Core.Crosswalk.CrosswalkEngine? _engine;

    /// <summary>
    /// The crosswalk over every framework and mapping, shipped and imported — read once per request (the library asks
    /// the database for its stamp on each call).
    /// </summary>
    public async Task<Core.Crosswalk.CrosswalkEngine> EngineAsync(CancellationToken ct) => _engine ??= await library.EngineAsync(ct);

    /// <summary>Every framework and mapping, shipped and imported (<see cref="EngineAsync"/>'s catalog).</summary>
    public async Task<Core.Crosswalk.FrameworkCatalog> CatalogAsync(CancellationToken ct) => (await EngineAsync(ct)).Catalog;

    /// <summary>Today's date (UTC) from the injected clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Forgets the program read in this request, after another service wrote to it.</summary>
    internal void Forget() => _program = null;

    /// <summary>The whole program (once per request).</summary>
    public async Task<ComplianceProgram> LoadAsync(CancellationToken ct) => _program ??= await cache.ProgramAsync(ct);

    /// <summary>Forgets this request's copy of the program (and the views built on it) after a write to it.</summary>
    internal void Changed()
    {
        _program = null;
        _view = null;
        _viewAccount = null;
    }

    /// <summary>The controls the account sees, in program order.</summary>
    public async Task<IReadOnlyList<Control>> ControlsAsync(Account account, CancellationToken ct) => (await ViewAsync(account, ct)).Program.Controls;

    /// <summary>The evidence the account sees (auditors: versions inside the window only).</summary>
    public async Task<IReadOnlyList<EvidenceItem>> EvidenceAsync(Account account, CancellationToken ct) => (await ViewAsync(account, ct)).Program.Evidence;

    /// <summary>Readiness of a framework the account sees; evidence it may not see is left out of the report.</summary>
    public async Task<Result<ReadinessReport>> ReadinessAsync(Account account, string framework, string? creditedFrom, CancellationToken ct)
    {
        if (!account.SeesFramework(framework) || (creditedFrom is not null && !account.SeesFramework(creditedFrom)))
        {
            return new Error(ErrorCodes.UnknownFramework, $"unknown framework '{(account.SeesFramework(framework) ? creditedFrom : framework)}'");
        }

        var engine = await EngineAsync(ct);
        if (account.Scope is null)
        {
            var report = await cache.ReadinessAsync(engine, framework, creditedFrom, Today, v => ReadinessAnalysis.Compute(v.Program, v.States, engine, framework, v.Today, creditedFrom), ct);
            if (creditedFrom is null)
            {
                await KeepSnapshotAsync(report, ct);
            }

            // Vendor and staff exceptions are the program's internal record: staff see them, auditors do not.
            var today = Today;
            var warnings = (await cache.VendorsAsync(ct)).SelectMany(v => Core.Vendors.VendorStanding.Warnings(v, today)).ToList();
            if (!report.IsSuccess)
            {
                return report;
            }

            // Staff gaps (training past the interval, screening missing or late) on A.6.3/CC2.2 and A.6.1/CC1.4, by opaque ID.
            var staff = await StaffExceptionsAsync(account, ct);
            return Trellis.Collectors.CollectorReadiness.Annotate(Core.People.StaffAttestation.Annotate(Core.Vendors.VendorReadiness.Annotate(report.Value, warnings), staff), await CollectorAlertsAsync(ct));
        }

        // An auditor's readiness is computed from what they see, as of their window: never from evidence outside it.
        var view = await ViewAsync(account, ct);
        return ReadinessAnalysis.Compute(view.AsOfProgram(), engine, framework, view.AsOf, creditedFrom: creditedFrom);
    }

    /// <summary>
    /// The staff gaps today (training past the interval, screening missing or late), naming opaque IDs and roles, from
    /// the cached staff register: readiness annotates A.6.3/CC2.2 and A.6.1/CC1.4 with them and the dashboard lists them.
    /// Staff see them; an auditor's engagement has none (empty).
    /// </summary>
    public async Task<IReadOnlyList<Core.People.StaffGap>> StaffExceptionsAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Scope is not null ? [] : Core.People.StaffAttestation.Exceptions(await cache.PeopleAsync(ct), await cache.PeopleSettingsAsync(ct), Today);
    }

    /// <summary>
    /// What is not covered for a framework, and for each requirement the points of focus still missing with what would
    /// meet them (the crosswalk's requirements and the account's visible controls mapped to those).
    /// </summary>
    public async Task<Result<IReadOnlyList<RequirementGap>>> GapsAsync(Account account, string framework, string? creditedFrom, CancellationToken ct)
    {
        var report = await ReadinessAsync(account, framework, creditedFrom, ct);
        if (!report.IsSuccess)
        {
            return report.Error!;
        }

        var view = await ViewAsync(account, ct);
        return Result<IReadOnlyList<RequirementGap>>.Ok(GapAnalysis.Compute(report.Value, view.Program, await EngineAsync(ct), view.AsOf));
    }

    /// <summary>The Statement of Applicability (ISO/IEC 27001:2022 6.1.3 d), when the account sees ISO/IEC 27001:2022.</summary>
    public async Task<Result<IReadOnlyList<SoaRow>>> SoaAsync(Account account, CancellationToken ct)
    {
        if (!account.SeesFramework(FrameworkIds.Iso27001v2022))
        {
            return new Error(ErrorCodes.UnknownFramework, "the Statement of Applicability belongs to ISO/IEC 27001:2022, which is not in your engagement");
        }

        var iso = (await CatalogAsync(ct)).Framework(FrameworkIds.Iso27001v2022).Value;
        var view = await ViewAsync(account, ct);
        return Result<IReadOnlyList<SoaRow>>.Ok(StatementOfApplicability.Build(view.AsOfProgram(), iso, view.AsOf));
    }

    private static Error Forbidden(string what) => new(ErrorCodes.Forbidden, what);

    private AuditRecord Record(Account account, string action, string resource, object? change) =>
        AuditRecords.Of(clock, account, action, resource, change);
}
