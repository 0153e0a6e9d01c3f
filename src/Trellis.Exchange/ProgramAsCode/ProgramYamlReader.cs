using System.Buffers;
using System.Globalization;
using System.Text.Unicode;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Core.Serialization;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>
/// Reads a program folder — <c>program.yaml</c> (format <c>trellis-program/1</c>, docs/program-as-code.md) and the
/// evidence files it references — into a <see cref="ComplianceProgram"/> and its evidence contents, or reports every
/// problem: malformed YAML, anchors and aliases, duplicate or unknown keys, invalid UTF-8, values of the wrong type,
/// dates that do not exist, evidence paths that leave the folder, missing, empty or over-limit files, checksum
/// mismatches, and everything <see cref="ProgramValidator"/> finds. All-or-nothing: a result with errors carries no
/// program. Each error is located at <c>file:line</c> and names the field.
/// </summary>
public static class ProgramYamlReader
{
    /// <summary>The format tag program.yaml must carry.</summary>
    public const string Format = "trellis-program/1";

    private static readonly string[] TopKeys = ["format", "organization", "scope", "riskMatrix", "controls", "evidence", "risks", "soa", "judgements", "taskNotes", "people", "vendors", "policies"];

    /// <summary>Reads and validates the program at <paramref name="programYamlPath"/>; evidence paths are relative to its folder.</summary>
    /// <param name="programYamlPath">Path of program.yaml; used as written in error locations.</param>
    /// <param name="catalog">Frameworks mappings are checked against (shipped and imported).</param>
    /// <param name="limits">Size and parsing limits; the default is <see cref="ProgramYamlLimits"/>'s defaults (50 MB per evidence file).</param>
    /// <param name="progress">Told each step and each evidence item read, for a progress bar; optional.</param>
    public static ProgramReadResult Read(string programYamlPath, FrameworkCatalog catalog, ProgramYamlLimits? limits = null, IProgress<WorkProgress>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(programYamlPath);
        limits ??= new ProgramYamlLimits();
        ArgumentNullException.ThrowIfNull(catalog);
        var source = programYamlPath;
        if (!File.Exists(programYamlPath))
        {
            return Fail(new Error(ErrorCodes.MissingFile, $"'{programYamlPath}' does not exist", source));
        }

        var size = new FileInfo(programYamlPath).Length;
        if (size > limits.MaxProgramFileBytes)
        {
            return Fail(new Error(ErrorCodes.TooLarge, $"program.yaml has {size.ToString(CultureInfo.InvariantCulture)} bytes; the limit is {limits.MaxProgramFileBytes.ToString(CultureInfo.InvariantCulture)}", source));
        }

        progress?.Report(WorkProgress.Started("Reading program.yaml"));
        var text = Decode(File.ReadAllBytes(programYamlPath), source);
        if (!text.IsSuccess)
        {
            return Fail(text.Error!);
        }

        var doc = SafeYaml.Read(text.Value, source, limits.Yaml);
        if (!doc.IsSuccess)
        {
            return Fail(doc.Error!);
        }

        if (doc.Value is not YamlMap root)
        {
            return Fail(new Error(ErrorCodes.InvalidType, "program.yaml must be a mapping at the top", $"{source}:{doc.Value.Line}"));
        }

        var f = new YamlFields(source);
        var folder = Path.GetDirectoryName(Path.GetFullPath(programYamlPath))!;
        var files = new EvidenceFiles(folder, limits);
        var program = ReadProgram(root, f, files, progress);
        progress?.Report(WorkProgress.Started("Checking the program"));
        var registers = RegisterSection.Read(root, f, program);
        var policies = PolicySection.Read(root, f, catalog, program);

        // The reader already requires every ID, so the validator's missing-id would only repeat it.
        var locate = new ProgramLines(root).Locator(source);
        var errors = f.Errors
            .Concat(ProgramValidator.Validate(program, catalog).Where(e => e.Code != ErrorCodes.MissingId).Select(locate))
            .OrderBy(e => LineOf(e, source))
            .ToList();
        return errors.Count == 0 ? ProgramReadResult.Ok(program, files.Blobs, registers, policies) : ProgramReadResult.Fail(errors);
    }

    private static ComplianceProgram ReadProgram(YamlMap root, YamlFields f, EvidenceFiles files, IProgress<WorkProgress>? progress)
    {
        f.OnlyKeys(root, TopKeys);
        var format = f.String(root, "format", required: true);
        if (format is not null and not Format)
        {
            f.Fail(root["format"]!.Line, ErrorCodes.UnknownFormat, $"field 'format' is '{format}'; expected '{Format}'");
        }

        var soa = f.AsMap(root["soa"], "soa");
        var evidence = f.Maps(root, "evidence").ToList();
        return new ComplianceProgram
        {
            Organization = f.String(root, "organization", required: true) ?? "",
            Scope = ScopeSection.Read(f.AsMap(root["scope"], "scope"), f),
            RiskMatrix = RiskSection.ReadMatrix(f.AsMap(root["riskMatrix"], "riskMatrix"), f),
            Controls = f.Maps(root, "controls").Select(c => ControlSection.Read(c, f)).ToList(),
            Evidence = evidence.Select((e, i) =>
            {
                var item = EvidenceSection.Read(e, f, files);
                progress?.Report(new WorkProgress("Reading evidence files", i + 1, evidence.Count));
                return item;
            }).ToList(),
            Risks = f.Maps(root, "risks").Select(r => RiskSection.Read(r, f)).ToList(),
            Soa = SoaSection.ReadRows(soa, f),
            SoaApproval = SoaSection.ReadApproval(soa, f),
            Judgements = f.Maps(root, "judgements").Select(j => JudgementSection.Read(j, f)).ToList(),
            TaskNotes = f.Maps(root, "taskNotes").Select(n => TaskNoteSection.Read(n, f)).ToList(),
        };
    }

    // Strict UTF-8 (a leading byte-order mark is allowed); the error names the line of the first invalid byte.
    private static Result<string> Decode(byte[] bytes, string source)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        var chars = new char[span.Length];
        var status = Utf8.ToUtf16(span, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var line = span[..read].Count((byte)'\n') + 1;
            return new Error(ErrorCodes.InvalidUtf8, $"program.yaml is not valid UTF-8: invalid byte 0x{span[read]:X2} at byte {read.ToString(CultureInfo.InvariantCulture)}", $"{source}:{line}");
        }

        return new string(chars, 0, written);
    }

    private static int LineOf(Error e, string source) =>
        e.Location is { } l && l.StartsWith(source + ":", StringComparison.Ordinal)
        && int.TryParse(l.AsSpan(source.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var line) ? line : 0;

    private static ProgramReadResult Fail(Error error) => ProgramReadResult.Fail([error]);
}
