using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Core.Evidence;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Core.Risks;
using Trellis.Data;

namespace Trellis.Application.Compliance;

/// <summary>One file of an evidence version, to stream to the reader.</summary>
/// <param name="Content">The bytes (checked against the version's SHA-256 as they are read).</param>
/// <param name="Version">The version the file belongs to.</param>
public sealed record EvidenceFile(Stream Content, EvidenceVersion Version);

/// <summary>Versioned reads, each with the account's visibility applied: what it may not see does not exist for it.</summary>
public sealed partial class ProgramService
{
    /// <summary>A control with its version (the ETag of an edit); <c>unknown-control</c> when absent or not visible.</summary>
    public async Task<Result<Versioned<Control>>> GetControlAsync(Account account, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var stored = await store.GetControlAsync(id, ct);
        if (!stored.IsSuccess || account.Scope is null)
        {
            return stored;
        }

        // An auditor gets the control as their view shows it (only their frameworks' mappings), or nothing.
        var seen = (await ControlsAsync(account, ct)).FirstOrDefault(c => c.Id == stored.Value.Value.Id);
        return seen is null ? UnknownControl(id) : stored.Value with { Value = seen };
    }

    /// <summary>
    /// The risk register as the account may see it: everything for staff; for an auditor, only risks treated by a
    /// control in their engagement's frameworks.
    /// </summary>
    public async Task<IReadOnlyList<Risk>> RisksAsync(Account account, CancellationToken ct) => (await ViewAsync(account, ct)).Program.Risks;

    /// <summary>A risk with its version; <c>unknown-risk</c> when absent or not visible (<see cref="RisksAsync"/>).</summary>
    public async Task<Result<Versioned<Risk>>> GetRiskAsync(Account account, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var stored = await store.GetRiskAsync(id, ct);
        if (!stored.IsSuccess || account.Scope is null)
        {
            return stored;
        }

        var seen = (await RisksAsync(account, ct)).FirstOrDefault(r => r.Id == stored.Value.Value.Id);
        return seen is null ? new Error(ErrorCodes.UnknownRisk, $"no risk '{id}'") : stored.Value with { Value = seen };
    }

    /// <summary>
    /// The stored SoA decision of an Annex A control with its version, or null when none is recorded (the row is then
    /// derived); <c>unknown-framework</c> for an account that does not see ISO/IEC 27001:2022.
    /// </summary>
    public async Task<Result<Versioned<SoaDecision>?>> GetSoaDecisionAsync(Account account, string control, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.SeesFramework(FrameworkIds.Iso27001v2022))
        {
            return new Error(ErrorCodes.UnknownFramework, "the Statement of Applicability belongs to ISO/IEC 27001:2022, which is not in your engagement");
        }

        var decision = await store.GetSoaDecisionAsync(control, ct);
        return Result<Versioned<SoaDecision>?>.Ok(decision.IsSuccess ? decision.Value : null);
    }

    /// <summary>
    /// The file of version <paramref name="number"/> of an evidence item the account sees (auditors: versions inside
    /// their window); <c>unknown-evidence</c> when there is none.
    /// </summary>
    public async Task<Result<EvidenceFile>> OpenEvidenceFileAsync(Account account, string evidenceId, int number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var item = (await EvidenceAsync(account, ct)).FirstOrDefault(e => e.Id == evidenceId);
        var version = item?.Versions.FirstOrDefault(v => v.Number == number);
        if (version?.Sha256 is null)
        {
            return new Error(ErrorCodes.UnknownEvidence, $"no file for evidence '{evidenceId}' version {number}");
        }

        var blob = await store.OpenBlobAsync(version.Sha256, ct);
        return blob.IsSuccess ? new EvidenceFile(blob.Value, version) : blob.Error!;
    }

    /// <summary>
    /// The whole program with the contents of every evidence file, by SHA-256 (program-as-code export) — staff only,
    /// since it is everything.
    /// </summary>
    public async Task<Result<(ComplianceProgram Program, IReadOnlyDictionary<string, byte[]> Blobs)>> ExportAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Scope is not null)
        {
            return Forbidden("an auditor receives reports of their engagement, not the whole program");
        }

        var program = await LoadAsync(ct);
        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var sha in program.Evidence.SelectMany(e => e.Versions).Select(v => v.Sha256).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var blob = await store.GetBlobAsync(sha, ct);
            if (!blob.IsSuccess)
            {
                return blob.Error!;
            }

            blobs[sha] = blob.Value;
        }

        return (program, blobs);
    }

    private static Error UnknownControl(string id) => new(ErrorCodes.UnknownControl, $"no control '{id}'");

    /// <summary>
    /// The owners' "did not occur" reasons by control and period start (the operation ledger shows them instead of a
    /// gap); from the program as loaded, so no query of their own.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string ControlId, DateOnly PeriodStart), string>> DidNotOccurAsync(CancellationToken ct) =>
        Core.Audits.OperationLedger.DidNotOccur((await LoadAsync(ct)).TaskNotes);
}
