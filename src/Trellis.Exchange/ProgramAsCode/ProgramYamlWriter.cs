using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Policies;
using Trellis.Core.Program;
using Trellis.Core.Risks;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>
/// Writes a <see cref="ComplianceProgram"/> as a program folder: <c>program.yaml</c> (docs/program-as-code.md) and
/// <c>evidence/&lt;sha256-prefix&gt;-&lt;file name&gt;</c> files. Deterministic and lossless: keys in a fixed order,
/// lists in stored order, invariant culture, instants in UTC, LF newlines, every string quoted so that
/// <see cref="ProgramYamlReader"/> returns it unchanged; export, import and export again gives identical bytes.
/// </summary>
public static class ProgramYamlWriter
{
    /// <summary>The name of the program file in a program folder.</summary>
    public const string ProgramFileName = "program.yaml";

    /// <summary>The folder evidence files are written to, relative to program.yaml.</summary>
    public const string EvidenceFolder = "evidence";

    /// <summary>
    /// Writes <c>program.yaml</c> and one file per distinct evidence content into <paramref name="directory"/>
    /// (created when missing; files with the same names are replaced). Every evidence content is fetched from
    /// <paramref name="blobs"/> and checked against its SHA-256 and size before anything is written.
    /// </summary>
    /// <param name="program">The program to export.</param>
    /// <param name="blobs">Returns the bytes stored under a lowercase hex SHA-256, or null when there are none.</param>
    /// <param name="directory">The program folder to write.</param>
    /// <param name="registers">The staff and vendor registers (<c>people</c>, <c>vendors</c>); none when null or empty.</param>
    /// <param name="policies">The policies (<c>policies</c>); the section is left out when null and written, even empty, otherwise.</param>
    /// <returns>The path of the written program.yaml, or the first evidence content that is missing or corrupt.</returns>
    public static Result<string> Write(ComplianceProgram program, Func<string, byte[]?> blobs, string directory, ProgramRegisters? registers = null, IReadOnlyList<Policy>? policies = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var paths = EvidencePaths(program);
        var contents = new List<(string Path, byte[] Bytes)>();
        var fetched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (version, path) in paths)
        {
            if (!fetched.Add(path))
            {
                continue;
            }

            var bytes = blobs(version.Sha256!);
            if (bytes is null)
            {
                return new Error(ErrorCodes.MissingBlob, $"the contents of evidence file '{version.FileName}' (SHA-256 {version.Sha256}) are not stored", path);
            }

            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (sha != version.Sha256 || bytes.LongLength != version.Size)
            {
                return new Error(
                    ErrorCodes.ChecksumMismatch,
                    $"the stored contents of evidence file '{version.FileName}' do not match SHA-256 {version.Sha256} and size {version.Size.ToString(CultureInfo.InvariantCulture)}",
                    path);
            }

            contents.Add((path, bytes));
        }

        Directory.CreateDirectory(Path.Combine(directory, EvidenceFolder));
        foreach (var (path, bytes) in contents)
        {
            File.WriteAllBytes(Path.Combine(directory, path), bytes);
        }

        var programPath = Path.Combine(directory, ProgramFileName);
        File.WriteAllBytes(programPath, new UTF8Encoding(false).GetBytes(ToYaml(program, paths, registers, policies)));
        return programPath;
    }

    /// <summary>The text of program.yaml for <paramref name="program"/>, exactly as <see cref="Write"/> writes it.</summary>
    public static string ToYaml(ComplianceProgram program, ProgramRegisters? registers = null, IReadOnlyList<Policy>? policies = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        return ToYaml(program, EvidencePaths(program), registers, policies);
    }

    /// <summary>
    /// Where each file version is written: <c>evidence/&lt;first 16 hex digits of SHA-256&gt;-&lt;sanitized name&gt;</c>,
    /// or the full SHA-256 in the unlikely case two contents share the short form. Same content and name, same file.
    /// </summary>
    private static Dictionary<EvidenceVersion, string> EvidencePaths(ComplianceProgram program)
    {
        var paths = new Dictionary<EvidenceVersion, string>(ReferenceEqualityComparer.Instance);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var version in program.Evidence.SelectMany(e => e.Versions).Where(v => v.Sha256 is not null))
        {
            var name = EvidenceFileNames.Sanitize(version.FileName);
            var sha = version.Sha256!;
            var path = $"{EvidenceFolder}/{sha[..Math.Min(16, sha.Length)]}-{name}";
            if (owner.TryGetValue(path, out var first) && first != sha)
            {
                path = $"{EvidenceFolder}/{sha}-{name}";
            }

            owner.TryAdd(path, sha);
            paths[version] = path;
        }

        return paths;
    }

    private static string ToYaml(ComplianceProgram p, Dictionary<EvidenceVersion, string> paths, ProgramRegisters? registers, IReadOnlyList<Policy>? policies)
    {
        var root = new MapBuilder()
            .Add("format", new YText(ProgramYamlReader.Format))
            .Add("organization", new YText(p.Organization))
            .Add("scope", ProgramYamlNodes.Scope(p.Scope))
            .Add("riskMatrix", Matrix(p.RiskMatrix))
            .AddList("controls", p.Controls.Select(Control))
            .AddList("evidence", p.Evidence.Select(e => Evidence(e, paths)))
            .AddList("risks", p.Risks.Select(ProgramYamlNodes.Risk));
        if (p.SoaApproval is not null || p.Soa.Count > 0)
        {
            root.Add("soa", ProgramYamlNodes.Soa(p.SoaApproval, p.Soa));
        }

        root.AddList("judgements", p.Judgements.Select(JudgementSection.Node));
        root.AddList("taskNotes", p.TaskNotes.Select(TaskNoteSection.Node));
        RegisterSection.Add(root, registers ?? ProgramRegisters.Empty);
        PolicySection.Add(root, policies);

        return YamlEmitter.Emit(root.Build());
    }

    private static YMap Matrix(RiskMatrix m) => new MapBuilder()
        .Add("likelihoodLevels", YToken.Of(m.LikelihoodLevels))
        .Add("impactLevels", YToken.Of(m.ImpactLevels))
        .Add("levels", new YSeq(m.Levels.Select(l => (YNode)new MapBuilder()
            .Add("name", new YText(l.Name))
            .Add("minScore", YToken.Of(l.MinScore))
            .Build()).ToList()))
        .Add("acceptanceThreshold", new YText(m.AcceptanceThreshold))
        .Build();

    private static YMap Control(Control c) => new MapBuilder()
        .Add("id", new YText(c.Id))
        .Add("title", new YText(c.Title))
        .AddText("description", c.Description)
        .AddText("owner", c.Owner)
        .Add("cadence", new YText(c.Cadence.ToWire()))
        .Add("status", new YText(c.Status.ToWire()))
        .AddList("mappings", c.Mappings.Select(m => new MapBuilder()
            .Add("requirement", new YText(m.Requirement.ToString()))
            .Add("relationship", new YText(m.Relationship.ToWire()))
            .Build()))
        .Build();

    private static YMap Evidence(EvidenceItem e, Dictionary<EvidenceVersion, string> paths) => new MapBuilder()
        .Add("id", new YText(e.Id))
        .Add("title", new YText(e.Title))
        .AddText("source", e.Source)
        .AddStrings("controls", e.ControlIds)
        .Add("versions", new YSeq(e.Versions.Select(v => (YNode)Version(v, paths)).ToList()))
        .Build();

    private static YMap Version(EvidenceVersion v, Dictionary<EvidenceVersion, string> paths)
    {
        var map = new MapBuilder().Add("number", YToken.Of(v.Number));
        if (v.Sha256 is not null)
        {
            map.Add("file", new YText(paths[v]))
                .AddOptional("fileName", v.FileName)
                .Add("sha256", new YText(v.Sha256))
                .Add("size", YToken.Of(v.Size));
        }

        return map
            .AddOptional("mediaType", v.MediaType)
            .AddOptional("url", v.Url)
            .Add("collectedAt", new YToken(FieldReading.FormatInstant(v.CollectedAt)))
            .Add("effectiveFrom", YToken.Of(v.EffectiveFrom))
            .AddDate("effectiveTo", v.EffectiveTo)
            .Build();
    }
}
