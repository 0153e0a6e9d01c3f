using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Exchange.Json;

namespace Trellis.Exchange.Oscal;

/// <summary>
/// The pieces the program exports share: OSCAL text forms, props, timestamps, requirement IDs as OSCAL tokens,
/// framework resources, and the document UUID derived from the content (the same input gives the same bytes).
/// </summary>
internal static partial class OscalParts
{
    /// <summary>The namespace of Trellis's own props (the same as the mapping export's).</summary>
    public const string Namespace = OscalMappingExport.Namespace;

    /// <summary>
    /// A requirement ID as an OSCAL <c>control-id</c> (a token: a letter or '_' first, then letters, digits, '.',
    /// '-' or '_'). Tokens pass unchanged (<c>A.5.15</c>, <c>CC6.1</c>, <c>GV.OC-01</c>); anything else gets a
    /// leading '_' and its other characters replaced by '_' (ISO clause <c>4.1</c> → <c>_4.1</c>), and the exact ID
    /// goes in a <c>requirement-id</c> prop (<see cref="RequirementProps"/>).
    /// </summary>
    public static string ControlId(string requirementId) =>
        Token().IsMatch(requirementId) ? requirementId : "_" + NotTokenCharacter().Replace(requirementId, "_");

    /// <summary>The <c>requirement-id</c> prop when <see cref="ControlId"/> had to change the ID, else nothing.</summary>
    public static IEnumerable<JsonObject> RequirementProps(string requirementId) =>
        ControlId(requirementId) == requirementId ? [] : [Prop("requirement-id", requirementId)];

    /// <summary>The OSCAL implementation state of a readiness status: covered → implemented, partial → partial, gap → planned, not-applicable and not-relevant → not-applicable.</summary>
    public static string State(ReadinessStatus status) => status switch
    {
        ReadinessStatus.Covered => "implemented",
        ReadinessStatus.Partial => "partial",
        ReadinessStatus.Gap => "planned",
        ReadinessStatus.NotApplicable or ReadinessStatus.NotRelevant => "not-applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The back-matter resource UUID of a framework: the same one the mapping export uses.</summary>
    public static Guid FrameworkResourceUuid(string frameworkId) => NameBasedUuid.Create($"framework:{frameworkId}");

    /// <summary>A back-matter resource naming a framework by ID, name and version.</summary>
    public static JsonObject FrameworkResource(string frameworkId, Framework? framework)
    {
        var props = new JsonArray(Prop("framework-id", frameworkId));
        if (!string.IsNullOrWhiteSpace(framework?.Version))
        {
            props.Add(Prop("framework-version", framework.Version));
        }

        var resource = new JsonObject
        {
            ["uuid"] = FrameworkResourceUuid(frameworkId).ToString(),
            ["title"] = Line(framework?.Name ?? frameworkId),
            ["props"] = props,
        };
        if (!string.IsNullOrWhiteSpace(framework?.Source))
        {
            resource["citation"] = new JsonObject { ["text"] = Line(framework.Source) };
        }

        return resource;
    }

    /// <summary>A prop in the Trellis namespace, or in OSCAL's own when <paramref name="trellis"/> is false.</summary>
    public static JsonObject Prop(string name, string value, bool trellis = true)
    {
        var prop = new JsonObject { ["name"] = name };
        if (trellis)
        {
            prop["ns"] = Namespace;
        }

        prop["value"] = Line(value);
        return prop;
    }

    /// <summary>The <c>implementation-status</c> prop (OSCAL values: implemented, partial, planned, alternative, not-applicable).</summary>
    public static JsonObject StatusProp(string state) => Prop("implementation-status", state, trellis: false);

    /// <summary>An organization party.</summary>
    public static JsonObject Party(string name) => new()
    {
        ["uuid"] = PartyUuid(name).ToString(),
        ["type"] = "organization",
        ["name"] = Line(name),
    };

    /// <summary>The UUID of the organization party named <paramref name="name"/>.</summary>
    public static Guid PartyUuid(string name) => NameBasedUuid.Create($"party:{name}");

    /// <summary>An instant as OSCAL writes it, in UTC with milliseconds.</summary>
    public static string Timestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The first instant (UTC) of a calendar day.</summary>
    public static string StartOf(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    /// <summary>The last second (UTC) of a calendar day: an inclusive window ends with its last day.</summary>
    public static string EndOf(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T23:59:59Z";

    /// <summary>A calendar date as <c>YYYY-MM-DD</c>.</summary>
    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The <c>metadata</c> block: title, last-modified from the clock, version, OSCAL version.</summary>
    public static JsonObject Metadata(string title, OscalExportOptions options, string remarks)
    {
        var now = options.Time.GetUtcNow();
        return new JsonObject
        {
            ["title"] = Line(title),
            ["last-modified"] = Timestamp(now),
            ["version"] = Date(DateOnly.FromDateTime(now.UtcDateTime)),
            ["oscal-version"] = OscalSchema.Version,
            ["remarks"] = remarks,
        };
    }

    /// <summary>
    /// Wraps <paramref name="body"/> as <c>{"model": {"uuid": …, …}}</c>. The document UUID is name-based on the
    /// content (timestamp included): the same program at the same instant gives the same document, and any change
    /// gives a new UUID, as OSCAL asks of a document's identifier.
    /// </summary>
    public static JsonObject Document(OscalModel model, JsonObject body)
    {
        var uuid = NameBasedUuid.Create($"{model.RootName()}:{body.ToJsonString(JsonDefaults.Deep)}");
        var root = new JsonObject { ["uuid"] = uuid.ToString() };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            root[key] = value;
        }

        return new JsonObject { [model.RootName()] = root };
    }

    /// <summary>The system's name: the SOC 2 system description's, else the organization's.</summary>
    public static string SystemName(ComplianceProgram program) =>
        Line(program.Scope.System.Name.Length > 0 ? program.Scope.System.Name
            : program.Organization.Length > 0 ? program.Organization : "The system");

    /// <summary>The organization's name, or the system's when the program has none.</summary>
    public static string Organization(ComplianceProgram program) =>
        Line(program.Organization.Length > 0 ? program.Organization : SystemName(program));

    /// <summary>What the system is: its services (SOC 2 system description) and the ISMS scope statement.</summary>
    public static string SystemDescription(ComplianceProgram program)
    {
        var parts = new List<string>();
        if (program.Scope.System.Services.Count > 0)
        {
            parts.Add("Services:\n\n" + Bullets(program.Scope.System.Services));
        }

        if (!string.IsNullOrWhiteSpace(program.Scope.Isms.Statement))
        {
            parts.Add(program.Scope.Isms.Statement.Trim());
        }

        return parts.Count > 0 ? string.Join("\n\n", parts) : $"{SystemName(program)}, operated by {Organization(program)}.";
    }

    /// <summary>A single line without leading or trailing whitespace (OSCAL strings and markup lines); "-" when empty.</summary>
    public static string Line(string text)
    {
        var line = Whitespace().Replace(text, " ").Trim();
        return line.Length == 0 ? "-" : line;
    }

    /// <summary>Multiline text trimmed, or <paramref name="fallback"/> when empty.</summary>
    public static string Text(string? text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text.Trim();

    /// <summary>A Markdown bullet list of the non-empty lines.</summary>
    public static string Bullets(IEnumerable<string> lines) => string.Join("\n", lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => "- " + Line(l)));

    [GeneratedRegex(@"^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"[^\p{L}\p{N}.\-_]", RegexOptions.CultureInvariant)]
    private static partial Regex NotTokenCharacter();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
