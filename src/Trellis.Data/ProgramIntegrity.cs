using System.Security.Cryptography;
using Trellis.Core.Common;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Risks;

namespace Trellis.Data;

/// <summary>
/// What the database needs of a program before writing it: unique IDs, references to existing controls,
/// evidence versions that are a file or a link, numbered upwards, and file contents that hash to their
/// SHA-256 with the stated size. Checked before the first write so an import fails as a whole with a
/// typed error (the constraints in the schema are the second line of defence).
/// </summary>
internal static class ProgramIntegrity
{
    public static Error? Check(ComplianceProgram program)
    {
        var controls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in program.Controls)
        {
            if (!controls.Add(c.Id))
            {
                return DataErrors.DuplicateId("control", c.Id);
            }
        }

        return Unique(program.Evidence.Select(e => e.Id), "evidence")
            ?? Unique(program.Risks.Select(r => r.Id), "risk")
            ?? Unique(program.Soa.Select(d => d.Control), "SoA decision for")
            ?? Unique(program.Judgements.Select(j => j.Requirement.ToString()), "judgement of")
            ?? program.Evidence.Select(e => CheckEvidence(e, controls)).FirstOrDefault(e => e is not null)
            ?? program.Risks.Select(r => CheckRisk(r, controls)).FirstOrDefault(e => e is not null)
            ?? Unique(program.TaskNotes.Select(n => $"{n.ControlId}@{n.PeriodStart:yyyy-MM-dd}"), "task note on")
            ?? program.TaskNotes.Where(n => !controls.Contains(n.ControlId))
                .Select(n => new Error(ErrorCodes.UnknownControl, $"a task note names control '{n.ControlId}', which is not in the program"))
                .FirstOrDefault();
    }

    /// <summary>The controls a risk and its treatment actions link must exist.</summary>
    public static Error? CheckRisk(Risk r, IReadOnlySet<string> controls) =>
        RiskControlIds(r).Where(c => !controls.Contains(c))
            .Select(c => new Error(ErrorCodes.UnknownControl, $"risk '{r.Id}' names control '{c}', which is not in the program"))
            .FirstOrDefault();

    /// <summary>Every control a risk links, directly or through its treatment actions, each once.</summary>
    public static IReadOnlyList<string> RiskControlIds(Risk r) =>
        [.. r.ControlIds.Concat(r.Plan.SelectMany(a => a.ControlIds)).Distinct(StringComparer.Ordinal)];

    public static Error? CheckEvidence(EvidenceItem e, IReadOnlySet<string> controls)
    {
        if (e.Versions.Count == 0)
        {
            return DataErrors.InvalidEvidence(e.Id, "it has no version");
        }

        var previous = 0;
        foreach (var v in e.Versions)
        {
            if (CheckVersion(e.Id, v, previous) is { } error)
            {
                return error;
            }

            previous = v.Number;
        }

        return e.ControlIds.Where(c => !controls.Contains(c))
            .Select(c => new Error(ErrorCodes.UnknownControl, $"evidence '{e.Id}' names control '{c}', which is not in the program"))
            .FirstOrDefault();
    }

    public static Error? CheckVersion(string evidenceId, EvidenceVersion v, int previousNumber)
    {
        if (v.Number <= previousNumber)
        {
            return DataErrors.InvalidEvidence(evidenceId, $"version {v.Number} follows version {previousNumber}; numbers must go up from 1");
        }

        if ((v.Sha256 is null) == (v.Url is null))
        {
            return DataErrors.InvalidEvidence(evidenceId, $"version {v.Number} must be either a file (SHA-256) or a link (URL)");
        }

        if (v.Sha256 is not null && !IsSha256(v.Sha256))
        {
            return DataErrors.InvalidEvidence(evidenceId, $"version {v.Number} has '{v.Sha256}' as SHA-256; expected 64 lowercase hex digits");
        }

        return null;
    }

    /// <summary>
    /// Checks the contents a program's file versions need: each must be supplied (hashing to its key) or
    /// among <paramref name="stored"/> (SHA-256 → size), and have the size the version states. Returns the
    /// supplied blobs to store, each once.
    /// </summary>
    public static Result<IReadOnlyDictionary<string, byte[]>> CheckBlobs(
        IEnumerable<(string EvidenceId, EvidenceVersion Version)> files,
        IReadOnlyDictionary<string, byte[]> supplied,
        IReadOnlyDictionary<string, long> stored)
    {
        var toStore = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (evidenceId, v) in files)
        {
            var sha = v.Sha256!;
            long size;
            if (toStore.TryGetValue(sha, out var known))
            {
                size = known.Length;
            }
            else if (supplied.TryGetValue(sha, out var bytes))
            {
                var actual = Hash(bytes);
                if (actual != sha)
                {
                    return DataErrors.BlobHashMismatch(sha, actual);
                }

                toStore[sha] = bytes;
                size = bytes.Length;
            }
            else if (!stored.TryGetValue(sha, out size))
            {
                return DataErrors.MissingBlob(evidenceId, v.Number, sha);
            }

            if (size != v.Size)
            {
                return DataErrors.InvalidEvidence(evidenceId, $"version {v.Number} states {v.Size} bytes but file {sha} has {size}");
            }
        }

        return toStore;
    }

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static bool IsSha256(string s) => s.Length == 64 && s.All(char.IsAsciiHexDigitLower);

    private static Error? Unique(IEnumerable<string> ids, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return ids.Where(id => !seen.Add(id)).Select(id => DataErrors.DuplicateId(what, id)).FirstOrDefault();
    }
}
