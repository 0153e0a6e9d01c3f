using Trellis.Core.Common;
using Trellis.Core.Evidence;
using Trellis.Core.Serialization;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>Reads one item of <c>evidence</c>: its versions, each a file in the program folder or a url.</summary>
internal static class EvidenceSection
{
    private static readonly string[] ItemKeys = ["id", "title", "source", "controls", "versions"];

    private static readonly string[] VersionKeys =
        ["number", "file", "fileName", "sha256", "size", "mediaType", "url", "collectedAt", "effectiveFrom", "effectiveTo"];

    private static readonly string[] FileOnlyKeys = ["fileName", "sha256", "size"];

    // Keeps an item whose file could not be read from also failing the validator's content checks.
    private const string Placeholder = "0000000000000000000000000000000000000000000000000000000000000000";

    public static EvidenceItem Read(YamlMap map, YamlFields f, EvidenceFiles files)
    {
        f.OnlyKeys(map, ItemKeys);
        return new EvidenceItem
        {
            Id = f.String(map, "id", required: true) ?? "",
            Title = f.String(map, "title", required: true) ?? "",
            Source = f.String(map, "source") ?? "",
            ControlIds = f.Strings(map, "controls"),
            Versions = f.Maps(map, "versions", required: true).Select(v => ReadVersion(v, f, files)).ToList(),
        };
    }

    private static EvidenceVersion ReadVersion(YamlMap map, YamlFields f, EvidenceFiles files)
    {
        f.OnlyKeys(map, VersionKeys);
        var file = f.String(map, "file");
        var declaredSha = f.String(map, "sha256");
        var declaredSize = f.Long(map, "size", 1, long.MaxValue);
        var fileName = f.String(map, "fileName");
        string? sha = null;
        long size = 0;
        if (file is null)
        {
            foreach (var key in FileOnlyKeys.Where(k => map[k] is not null))
            {
                f.Fail(map[key]!.Line, ErrorCodes.InvalidField, $"field '{key}' belongs to file evidence; this version has no 'file'");
            }
        }
        else if (files.Load(file, map["file"]!.Line, f) is { } stored)
        {
            (sha, size) = stored;
            if (declaredSha is not null && !string.Equals(declaredSha, sha, StringComparison.OrdinalIgnoreCase))
            {
                f.Fail(map["sha256"]!.Line, ErrorCodes.ChecksumMismatch, $"field 'sha256' says {declaredSha} but '{file}' has SHA-256 {sha}");
            }

            if (declaredSize is not null && declaredSize != size)
            {
                f.Fail(map["size"]!.Line, ErrorCodes.SizeMismatch, $"field 'size' says {declaredSize} bytes but '{file}' has {size}");
            }
        }
        else
        {
            (sha, size) = (Placeholder, 1);
        }

        return new EvidenceVersion
        {
            Number = f.Int(map, "number", 1, int.MaxValue, required: true) ?? 1,
            Sha256 = sha,
            FileName = file is null ? null : FileNames.Clean(fileName ?? file), // the upload's rule: a name from a file is never trusted
            Size = size,
            MediaType = f.String(map, "mediaType"),
            Url = f.String(map, "url"),
            CollectedAt = f.Instant(map, "collectedAt", required: true) ?? default,
            EffectiveFrom = f.Date(map, "effectiveFrom", required: true) ?? default,
            EffectiveTo = f.Date(map, "effectiveTo"),
        };
    }
}
