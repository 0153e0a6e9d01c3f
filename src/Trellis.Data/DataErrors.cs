using Trellis.Core.Common;
using Trellis.Core.Crosswalk;

namespace Trellis.Data;

/// <summary>The expected failures of the stores, with stable codes.</summary>
public static class DataErrors
{
    /// <summary><c>concurrency-conflict</c>: the row changed since the caller read it (a stale version).</summary>
    public static Error ConcurrencyConflict(string what, string id, int? expected, int? actual) => new(
        ErrorCodes.ConcurrencyConflict,
        actual is null
            ? $"{what} '{id}' was changed by someone else while saving; reload and retry"
            : $"{what} '{id}' is at version {actual}, not {expected}; reload and retry");

    /// <summary><c>unknown-control</c>.</summary>
    public static Error UnknownControl(string id) => new(ErrorCodes.UnknownControl, $"no control '{id}'");

    /// <summary><c>unknown-evidence</c>.</summary>
    public static Error UnknownEvidence(string id) => new(ErrorCodes.UnknownEvidence, $"no evidence '{id}'");

    /// <summary><c>unknown-risk</c>.</summary>
    public static Error UnknownRisk(string id) => new(ErrorCodes.UnknownRisk, $"no risk '{id}'");

    /// <summary><c>unknown-soa-decision</c>.</summary>
    public static Error UnknownSoaDecision(string control) => new(ErrorCodes.UnknownSoaDecision, $"no SoA decision for '{control}'");

    /// <summary><c>unknown-judgement</c>.</summary>
    public static Error UnknownJudgement(RequirementRef requirement) => new(ErrorCodes.UnknownJudgement, $"no judgement of '{requirement}'");

    /// <summary><c>unknown-framework</c>: no imported framework with that ID.</summary>
    public static Error UnknownImportedFramework(string id) => new(ErrorCodes.UnknownFramework, $"no imported framework '{id}'");

    /// <summary><c>unknown-blob</c>: no stored file contents with that SHA-256.</summary>
    public static Error UnknownBlob(string sha256) => new(ErrorCodes.UnknownBlob, $"no stored file with SHA-256 {sha256}");

    /// <summary><c>blob-corrupt</c>: the stored bytes no longer hash to their SHA-256; never served.</summary>
    public static Error BlobCorrupt(string sha256, string actual) => new(
        ErrorCodes.BlobCorrupt, $"stored file {sha256} is corrupt: its bytes hash to {actual}; restore it from a backup");

    /// <summary><c>duplicate-id</c>.</summary>
    public static Error DuplicateId(string what, string id) => new(ErrorCodes.DuplicateId, $"{what} '{id}' appears more than once");

    /// <summary><c>missing-blob</c>: a file version whose bytes were neither supplied nor stored.</summary>
    public static Error MissingBlob(string evidenceId, int number, string sha256) => new(
        ErrorCodes.MissingBlob, $"evidence '{evidenceId}' version {number} names file {sha256}, whose contents were not supplied");

    /// <summary><c>blob-hash-mismatch</c>: supplied bytes do not hash to the SHA-256 they were given under.</summary>
    public static Error BlobHashMismatch(string claimed, string actual) => new(
        ErrorCodes.BlobHashMismatch, $"file contents supplied as {claimed} hash to {actual}");

    /// <summary><c>invalid-evidence</c>: an evidence item or version the store cannot keep as given.</summary>
    public static Error InvalidEvidence(string evidenceId, string why) => new(ErrorCodes.InvalidEvidence, $"evidence '{evidenceId}': {why}");

    /// <summary><c>invalid-database</c>: the database argument is neither a file path nor a connection string.</summary>
    public static Error InvalidDatabase(string why) => new(ErrorCodes.InvalidDatabase, why);
}
