using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Policies;
using Trellis.Core.Program;
using Trellis.Core.Serialization;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>
/// Reads and writes <c>policies</c> of program.yaml (issue 17, items 4 and 8): each policy's metadata, its versions
/// (Markdown body as a block scalar), approvers and approvals, publication and acknowledgements. Checked against the
/// catalog (requirements), the program (controls, evidence) and itself (approvals by named approvers only,
/// acknowledgements of versions that exist), every problem at its line.
/// </summary>
internal static class PolicySection
{
    private static readonly string[] PolicyKeys = ["id", "title", "owner", "reviewCadence", "requirements", "controls", "template", "evidence", "versions", "acknowledgements"];
    private static readonly string[] VersionKeys = ["number", "author", "created", "status", "approvers", "approvals", "publishedAt", "body"];
    private static readonly string[] ApprovalKeys = ["by", "at"];
    private static readonly string[] AckKeys = ["person", "version", "at"];

    /// <summary>The policies of the file, or null when it has no <c>policies</c> key (the stored ones are then kept).</summary>
    public static IReadOnlyList<Policy>? Read(YamlMap root, YamlFields f, FrameworkCatalog catalog, ComplianceProgram program)
    {
        if (root["policies"] is null)
        {
            return null;
        }

        var controls = program.Controls.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var evidence = program.Evidence.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var policies = new List<Policy>();
        foreach (var map in f.Maps(root, "policies"))
        {
            var policy = ReadPolicy(map, f, catalog, controls, evidence);
            if (!ids.Add(policy.Id))
            {
                f.Fail(map.Line, ErrorCodes.DuplicateId, $"policy '{policy.Id}' is listed twice");
            }

            policies.Add(policy);
        }

        return policies;
    }

    public static void Add(MapBuilder root, IReadOnlyList<Policy>? policies)
    {
        // Written whenever the caller has policies to say, even none: "policies: []" replaces the stored ones on import.
        if (policies is not null)
        {
            root.Add("policies", new YSeq([.. policies.Select(p => (YNode)Node(p))]));
        }
    }

    private static Policy ReadPolicy(YamlMap map, YamlFields f, FrameworkCatalog catalog, HashSet<string> controls, HashSet<string> evidence)
    {
        f.OnlyKeys(map, PolicyKeys);
        var id = f.String(map, "id", required: true) ?? "";
        var policy = new Policy
        {
            Id = id,
            Title = f.String(map, "title", required: true) ?? "",
            Owner = f.String(map, "owner", required: true) ?? "",
            ReviewCadence = f.Wire<Cadence>(map, "reviewCadence", Cadences.TryParse, Cadences.WireNames) ?? Cadence.Annual,
            Requirements = Requirements(map, f, catalog),
            ControlIds = f.Strings(map, "controls"),
            Template = f.String(map, "template"),
            EvidenceId = f.String(map, "evidence"),
            Versions = [.. f.Maps(map, "versions", required: true).Select(v => ReadVersion(v, f))],
            Acknowledgements = [.. f.Maps(map, "acknowledgements").Select(a => ReadAck(a, f))],
        };

        if (policy.ControlIds.FirstOrDefault(c => !controls.Contains(c)) is { } unknown)
        {
            f.Fail(map["controls"]!.Line, ErrorCodes.UnknownControl, $"policy '{id}' names control '{unknown}', which is not among the program's controls");
        }

        if (policy.EvidenceId is { } ev && !evidence.Contains(ev))
        {
            f.Fail(map["evidence"]!.Line, ErrorCodes.UnknownEvidence, $"policy '{id}' keeps its published versions in evidence '{ev}', which is not among the program's evidence");
        }

        if (policy.Versions.Count > 0 && PolicyLifecycle.Validate(policy) is { } invalid)
        {
            f.Fail(Line(map, invalid.Location), invalid.Code, invalid.Message);
        }

        CheckVersions(map, f, policy);
        return policy;
    }

    // Approvals only by named approvers, once each; a status that says approved needs every approval; one published
    // version at most; acknowledgements only of versions that were published.
    private static void CheckVersions(YamlMap map, YamlFields f, Policy policy)
    {
        var versionMaps = map["versions"] is YamlList vl ? vl.Items : [];
        for (var i = 0; i < policy.Versions.Count && i < versionMaps.Count; i++)
        {
            var v = policy.Versions[i];
            var line = versionMaps[i].Line;
            foreach (var a in v.Approvals.Where(a => !v.Approvers.Contains(a.Approver)))
            {
                f.Fail(line, ErrorCodes.InvalidPolicy, $"policy '{policy.Id}' version {v.Number}: '{a.Approver}' approved but is not a named approver (approvers: {string.Join(", ", v.Approvers)})");
            }

            if (v.Approvals.GroupBy(a => a.Approver).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                f.Fail(line, ErrorCodes.InvalidPolicy, $"policy '{policy.Id}' version {v.Number}: '{twice.Key}' approved twice");
            }

            var needsApproval = v.Status is PolicyStatus.Approved or PolicyStatus.Published or PolicyStatus.Superseded;
            if (needsApproval && v.ApprovedAt is null)
            {
                f.Fail(line, ErrorCodes.InvalidPolicy, $"policy '{policy.Id}' version {v.Number} is {v.Status.ToWire()} but not every named approver approved it (pending: {string.Join(", ", v.PendingApprovers.DefaultIfEmpty("no approver named"))})");
            }

            var published = v.Status is PolicyStatus.Published or PolicyStatus.Superseded;
            if (published != v.PublishedAt.HasValue)
            {
                f.Fail(line, ErrorCodes.InvalidPolicy, $"policy '{policy.Id}' version {v.Number}: 'publishedAt' goes with status published or superseded, not {v.Status.ToWire()}");
            }
        }

        if (policy.Versions.Count(v => v.Status == PolicyStatus.Published) > 1)
        {
            f.Fail(map.Line, ErrorCodes.InvalidPolicy, $"policy '{policy.Id}' has more than one published version; earlier ones are superseded");
        }

        var ackMaps = map["acknowledgements"] is YamlList al ? al.Items : [];
        for (var i = 0; i < policy.Acknowledgements.Count && i < ackMaps.Count; i++)
        {
            var a = policy.Acknowledgements[i];
            if (policy.Version(a.Version) is not { } acked)
            {
                f.Fail(ackMaps[i].Line, ErrorCodes.InvalidPolicy, $"policy '{policy.Id}': '{a.Person}' acknowledged version {a.Version}, which does not exist (versions 1–{policy.Versions.Count})");
            }
            else if (acked.PublishedAt is null)
            {
                f.Fail(ackMaps[i].Line, ErrorCodes.InvalidPolicy, $"policy '{policy.Id}': '{a.Person}' acknowledged version {a.Version}, which was never published");
            }
        }
    }

    private static List<RequirementRef> Requirements(YamlMap map, YamlFields f, FrameworkCatalog catalog)
    {
        var result = new List<RequirementRef>();
        foreach (var text in f.Strings(map, "requirements"))
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == text.Length - 1)
            {
                f.Fail(map["requirements"]!.Line, ErrorCodes.InvalidRequirement, $"requirement '{text}' must be written framework:id, e.g. iso27001-2022:A.5.1");
                continue;
            }

            var r = new RequirementRef(text[..colon], text[(colon + 1)..]);
            if (!catalog.Requirement(r.Framework, r.Requirement).IsSuccess)
            {
                f.Fail(map["requirements"]!.Line, ErrorCodes.UnknownRequirement, $"requirement '{text}' is not in the catalog");
            }

            result.Add(r);
        }

        return result;
    }

    private static PolicyVersion ReadVersion(YamlMap map, YamlFields f)
    {
        f.OnlyKeys(map, VersionKeys);
        return new PolicyVersion
        {
            Number = f.Int(map, "number", 1, int.MaxValue, required: true) ?? 0,
            Author = f.String(map, "author", required: true) ?? "",
            Created = f.Instant(map, "created", required: true) ?? default,
            Status = f.Wire<PolicyStatus>(map, "status", PolicyStatuses.TryParse, PolicyStatuses.WireNames, required: true) ?? PolicyStatus.Draft,
            Approvers = f.Strings(map, "approvers"),
            Approvals = [.. f.Maps(map, "approvals").Select(a =>
            {
                f.OnlyKeys(a, ApprovalKeys);
                return new PolicyApproval(f.String(a, "by", required: true) ?? "", f.Instant(a, "at", required: true) ?? default);
            })],
            PublishedAt = f.Instant(map, "publishedAt"),
            Body = f.String(map, "body", required: true) ?? "",
        };
    }

    private static PolicyAcknowledgement ReadAck(YamlMap map, YamlFields f)
    {
        f.OnlyKeys(map, AckKeys);
        return new PolicyAcknowledgement(
            f.String(map, "person", required: true) ?? "",
            f.Int(map, "version", 1, int.MaxValue, required: true) ?? 0,
            f.Instant(map, "at", required: true) ?? default);
    }

    // The line of the field an Error's location names (title, owner, body …), else the policy's own line.
    private static int Line(YamlMap map, string? field) =>
        field is not null && map[field] is { } v ? v.Line : field == "body" && map["versions"] is { } vs ? vs.Line : map.Line;

    private static YMap Node(Policy p) => new MapBuilder()
        .Add("id", new YText(p.Id))
        .Add("title", new YText(p.Title))
        .Add("owner", new YText(p.Owner))
        .Add("reviewCadence", new YText(p.ReviewCadence.ToWire()))
        .AddStrings("requirements", [.. p.Requirements.Select(r => r.ToString())])
        .AddStrings("controls", p.ControlIds)
        .AddOptional("template", p.Template)
        .AddOptional("evidence", p.EvidenceId)
        .Add("versions", new YSeq([.. p.Versions.Select(v => (YNode)new MapBuilder()
            .Add("number", YToken.Of(v.Number))
            .Add("author", new YText(v.Author))
            .Add("created", new YToken(FieldReading.FormatInstant(v.Created)))
            .Add("status", new YText(v.Status.ToWire()))
            .AddStrings("approvers", v.Approvers)
            .AddList("approvals", v.Approvals.Select(a => new MapBuilder().Add("by", new YText(a.Approver)).Add("at", new YToken(FieldReading.FormatInstant(a.At))).Build()))
            .AddInstant("publishedAt", v.PublishedAt)
            .Add("body", new YText(v.Body))
            .Build())]))
        .AddList("acknowledgements", p.Acknowledgements.Select(a => new MapBuilder()
            .Add("person", new YText(a.Person))
            .Add("version", YToken.Of(a.Version))
            .Add("at", new YToken(FieldReading.FormatInstant(a.At)))
            .Build()))
        .Build();
}
