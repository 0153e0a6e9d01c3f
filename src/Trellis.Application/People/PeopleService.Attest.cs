using System.Security.Cryptography;
using System.Text;
using Trellis.Application.Actors;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.People;

namespace Trellis.Application.People;

/// <summary>One register extract filed (or found unchanged) by an attestation.</summary>
/// <param name="Subject"><c>training</c> or <c>screening</c>.</param>
/// <param name="EvidenceId">The evidence item; null when no control covers the subject's requirements.</param>
/// <param name="Version">The version number filed (or the current one when unchanged).</param>
/// <param name="Sha256">SHA-256 of the extract.</param>
/// <param name="Controls">The controls it is evidence for.</param>
/// <param name="From">First day it is effective for.</param>
/// <param name="To">Last day it is effective for.</param>
/// <param name="Unchanged">True when the current version already held these bytes for this period: nothing was written.</param>
public sealed record FiledExtract(string Subject, string? EvidenceId, int Version, string Sha256, IReadOnlyList<string> Controls, DateOnly From, DateOnly To, bool Unchanged);

/// <summary>What <c>people attest</c> did.</summary>
/// <param name="AsOf">The day the extracts describe.</param>
/// <param name="Extracts">Training, then screening.</param>
/// <param name="Exceptions">The gaps on that day.</param>
public sealed record StaffAttestationResult(DateOnly AsOf, IReadOnlyList<FiledExtract> Extracts, IReadOnlyList<StaffGap> Exceptions);

/// <summary>Training and screening as evidence (<see cref="StaffAttestation"/>).</summary>
public sealed partial class PeopleService
{
    /// <summary>The evidence source of the training extract.</summary>
    public const string TrainingSource = "people/attestation/training";

    /// <summary>The evidence source of the screening extract.</summary>
    public const string ScreeningSource = "people/attestation/screening";

    /// <summary>True when the account may see and change the staff register (admins and compliance managers, unscoped).</summary>
    public static bool Sees(Account account) => Refuse(account) is null;

    /// <summary>
    /// The staff gaps today (training past the interval, screening missing or late), naming opaque IDs and roles:
    /// readiness and the dashboard show them to staff; an auditor's engagement has none (empty). One rule, over the
    /// cached register: <see cref="Compliance.ProgramService.StaffExceptionsAsync"/>.
    /// </summary>
    public Task<IReadOnlyList<StaffGap>> ExceptionsAsync(Account account, CancellationToken ct) => program.StaffExceptionsAsync(account, ct);

    /// <summary>
    /// Files the register extracts as of <paramref name="asOf"/> (default today; not in the future) as content-addressed
    /// evidence: the training extract for the controls covering A.6.3/CC2.2, effective for the training window, and the
    /// screening extract for those covering A.6.1/CC1.4, effective on the as-of day. Each is a new version of the
    /// attestation's evidence item (a new item the first time, or when the controls changed); an extract identical to
    /// the current version for the same period writes nothing. Admins and compliance managers only.
    /// </summary>
    public async Task<Result<StaffAttestationResult>> AttestAsync(Account account, DateOnly? asOf, CancellationToken ct)
    {
        if (Refuse(account) is { } no)
        {
            return no;
        }

        var day = asOf ?? Today;
        if (day > Today)
        {
            return new Error(ErrorCodes.InvalidDate, $"an attestation describes a day up to today, not {CalendarDates.Format(day)}", "asOf");
        }

        var people = await store.PeopleAsync(ct);
        var settings = await store.PeopleSettingsAsync(ct);
        var filed = new List<FiledExtract>();
        foreach (var (subject, source, requirements, extract) in new[]
        {
            ("training", TrainingSource, StaffAttestation.TrainingRequirements, StaffAttestation.TrainingExtract(people, settings, day)),
            ("screening", ScreeningSource, StaffAttestation.ScreeningRequirements, StaffAttestation.ScreeningExtract(people, day)),
        })
        {
            var one = await FileExtractAsync(account, subject, source, requirements, extract, day, ct);
            if (!one.IsSuccess)
            {
                return one.Error!;
            }

            filed.Add(one.Value);
        }

        return new StaffAttestationResult(day, filed, StaffAttestation.Exceptions(people, settings, day));
    }

    /// <summary>
    /// The controls that cover <paramref name="requirements"/>: mapped to one of them as equal, subset or superset (an
    /// intersecting mapping only overlaps the requirement, so a register extract is not its evidence).
    /// </summary>
    public async Task<IReadOnlyList<string>> CoveringControlsAsync(IReadOnlyList<string> requirements, CancellationToken ct) =>
        [.. (await program.LoadAsync(ct)).Controls
            .Where(c => c.Mappings.Any(m => m.Relationship is not (Relationship.IntersectsWith or Relationship.NoRelationship)
                && requirements.Contains(m.Requirement.Requirement, StringComparer.Ordinal)))
            .Select(c => c.Id)
            .Order(StringComparer.Ordinal)];

    private async Task<Result<FiledExtract>> FileExtractAsync(Account account, string subject, string source, IReadOnlyList<string> requirements, StaffExtract extract, DateOnly day, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(extract.Text);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var controls = await CoveringControlsAsync(requirements, ct);
        if (controls.Count == 0)
        {
            return new FiledExtract(subject, null, 0, sha, [], extract.From, extract.To, true);
        }

        var version = new EvidenceVersion
        {
            Number = 1,
            Sha256 = sha,
            FileName = $"staff-{subject}-{CalendarDates.Format(day)}.txt",
            Size = bytes.LongLength,
            MediaType = "text/plain",
            CollectedAt = clock.GetUtcNow(),
            EffectiveFrom = extract.From,
            EffectiveTo = extract.To == extract.From ? null : extract.To,
        };
        var existing = (await program.LoadAsync(ct)).Evidence
            .LastOrDefault(e => e.Source == source && e.ControlIds.Order(StringComparer.Ordinal).SequenceEqual(controls, StringComparer.Ordinal));
        if (existing is not null)
        {
            var current = existing.Current;
            if (current.Sha256 == sha && current.EffectiveFrom == version.EffectiveFrom && current.EffectiveTo == version.EffectiveTo)
            {
                return new FiledExtract(subject, existing.Id, current.Number, sha, controls, extract.From, extract.To, true);
            }

            var added = await program.AddEvidenceVersionAsync(account, existing.Id, version, bytes, ct);
            return added.IsSuccess
                ? new FiledExtract(subject, existing.Id, added.Value.Value.Current.Number, sha, controls, extract.From, extract.To, false)
                : added.Error!;
        }

        var item = new EvidenceItem
        {
            Id = "",
            Title = subject == "training" ? "Security-awareness training — staff register extract" : "Background screening — staff register extract",
            Source = source,
            ControlIds = controls,
            Versions = [version],
        };
        var created = await program.AddEvidenceAsync(account, item, bytes, ct);
        return created.IsSuccess
            ? new FiledExtract(subject, created.Value.Value.Id, 1, sha, controls, extract.From, extract.To, false)
            : created.Error!;
    }
}
