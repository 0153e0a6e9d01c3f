using System.Reflection;
using Trellis.Content;
using Trellis.Exchange.Oscal;
using Trellis.Exchange.ProgramAsCode;
using Trellis.Exchange.Spreadsheets;
using Trellis.Web.Api;

namespace Trellis.Fuzz;

/// <summary>
/// One fuzz target per importer. Each runs the reader on the input exactly as the CLI or web door does; an expected
/// failure is a <c>Result</c> error and is fine, and any exception escapes so that afl-fuzz records it as a crash
/// (none of these readers documents an exception for bad input: docs/style.md, "exceptions mean bugs").
/// </summary>
internal static class Targets
{
    /// <summary>The targets by the name given on the command line.</summary>
    public static readonly IReadOnlyDictionary<string, Func<Action<byte[]>>> All = new Dictionary<string, Func<Action<byte[]>>>(StringComparer.Ordinal)
    {
        ["program-yaml"] = ProgramYaml,
        ["oscal-catalog"] = OscalCatalog,
        ["oscal-profile"] = OscalProfile,
        ["oscal-mapping"] = OscalMapping,
        ["xlsx-controls"] = XlsxControls,
        ["evidence-multipart"] = EvidenceMultipart,
    };

    private static readonly DateTimeOffset FixedNow = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);

    // ProgramYamlReader reads from a path (evidence paths are relative to program.yaml's folder), so the input is
    // written to program.yaml in a scratch folder that also holds the one evidence file the seeds reference.
    private static Action<byte[]> ProgramYaml()
    {
        var folder = Scratch("program");
        Directory.CreateDirectory(Path.Combine(folder, "evidence"));
        File.WriteAllText(Path.Combine(folder, "evidence", "policy.txt"), "policy text");
        var path = Path.Combine(folder, "program.yaml");
        var catalog = ShippedContent.Catalog;
        return input =>
        {
            File.WriteAllBytes(path, input);
            _ = ProgramYamlReader.Read(path, catalog);
        };
    }

    // The file door of `trellis frameworks import`: read, check the model and version, read the framework, derive its ID.
    private static Action<byte[]> OscalCatalog()
    {
        var path = Path.Combine(Scratch("catalog"), "catalog.json");
        return input =>
        {
            File.WriteAllBytes(path, input);
            _ = OscalFrameworkImport.Load(path);
        };
    }

    // A profile resolved against a known catalog lying beside it (imports that name nothing local fall back to it),
    // then the resolved catalog read as a framework: `trellis frameworks import --profile`.
    private static Action<byte[]> OscalProfile()
    {
        var folder = Scratch("profile");
        var catalogPath = Path.Combine(folder, "sp800-53-style_catalog.json");
        using (var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream("sp800-53-style_catalog.json")!)
        using (var file = File.Create(catalogPath))
        {
            resource.CopyTo(file);
        }

        var profilePath = Path.Combine(folder, "profile.json");
        var options = new ProfileResolverOptions { Time = new FixedClock(FixedNow), NewUuid = () => new Guid("64d5abd8-6527-4ee3-8f0a-48c6b0222175") };
        return input =>
        {
            File.WriteAllBytes(profilePath, input);
            _ = OscalFrameworkImport.Load(catalogPath, profilePath, options: options);
        };
    }

    private static Action<byte[]> OscalMapping()
    {
        var catalog = ShippedContent.Catalog;
        return input => _ = OscalMappingImport.Parse(input, "mapping.json", catalog);
    }

    private static Action<byte[]> XlsxControls()
    {
        var catalog = ShippedContent.Catalog;
        return input => _ = ControlWorkbookReader.Read(input, "controls.xlsx", catalog);
    }

    // The upload's multipart parsing is ASP.NET's MultipartReader; around it is Trellis's own code, run here as the
    // endpoint runs it: Content-Disposition parsing, file receiving and name cleaning, then the request validation.
    // Input: the Content-Type header on the first line, then the body.
    private static Action<byte[]> EvidenceMultipart()
    {
        var clock = new FixedClock(FixedNow);
        return input =>
        {
            var newline = Array.IndexOf(input, (byte)'\n');
            var contentType = newline < 0 ? "" : System.Text.Encoding.UTF8.GetString(input, 0, newline).TrimEnd('\r');
            using var body = new MemoryStream(input, newline + 1, input.Length - newline - 1, writable: false);
            var form = EvidenceForm.ReadAsync(contentType, body, limit: 64 * 1024, CancellationToken.None).GetAwaiter().GetResult();
            if (form.IsSuccess)
            {
                // BuildAsync does not touch the program service (it only validates); the endpoint passes its own.
                _ = EvidenceEndpoints.BuildAsync(null!, clock, form.Value.Fields, form.Value.File, CancellationToken.None).GetAwaiter().GetResult();
                form.Value.File?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        };
    }

    private static string Scratch(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"trellis-fuzz-{name}-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
