using Trellis.Core.Program;
using Trellis.Core.Serialization;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>
/// Reads and writes one item of <c>judgements</c> (docs/crosswalk-rules.md, rule 8): the requirement judged, the kind,
/// the controls as they stood and the evidence versions relied on, who, when and why.
/// </summary>
internal static class JudgementSection
{
    private static readonly string[] JudgementKeys = ["requirement", "kind", "controls", "evidence", "by", "at", "rationale"];
    private static readonly string[] ControlKeys = ["id", "status", "mappings"];
    private static readonly string[] EvidenceKeys = ["evidence", "version"];

    public static Judgement Read(YamlMap map, YamlFields f)
    {
        f.OnlyKeys(map, JudgementKeys);
        var controls = f.Maps(map, "controls").Select(c => ReadControl(c, f)).ToList();

        // An unreadable kind is already reported; guessing it from the controls keeps the validator from adding to it.
        var kind = f.Wire<JudgementKind>(map, "kind", JudgementKinds.TryParse, JudgementKinds.WireNames, required: true)
            ?? (controls.Count > 0 ? JudgementKind.Sufficient : JudgementKind.NotRelevant);
        return new Judgement
        {
            Requirement = ControlSection.ReadRequirement(map, f),
            Kind = kind,
            Controls = controls,
            Evidence = f.Maps(map, "evidence").Select(e => ReadEvidence(e, f)).ToList(),
            By = f.String(map, "by", required: true) ?? "",
            At = f.Instant(map, "at", required: true) ?? default,
            // Missing or blank, the validator refuses it as rationale-required (rule 8: a judgement says why).
            Rationale = f.String(map, "rationale") ?? "",
        };
    }

    public static YMap Node(Judgement j) => new MapBuilder()
        .Add("requirement", new YText(j.Requirement.ToString()))
        .Add("kind", new YText(j.Kind.ToWire()))
        .AddList("controls", j.Controls.Select(c => new MapBuilder()
            .Add("id", new YText(c.Id))
            .Add("status", new YText(c.Status.ToWire()))
            .AddStrings("mappings", c.Mappings)
            .Build()))
        .AddList("evidence", j.Evidence.Select(e => new MapBuilder()
            .Add("evidence", new YText(e.Evidence))
            .Add("version", YToken.Of(e.Version))
            .Build()))
        .Add("by", new YText(j.By))
        .Add("at", new YToken(FieldReading.FormatInstant(j.At)))
        .Add("rationale", new YText(j.Rationale))
        .Build();

    private static JudgedControl ReadControl(YamlMap map, YamlFields f)
    {
        f.OnlyKeys(map, ControlKeys);
        return new JudgedControl(
            f.String(map, "id", required: true) ?? "",
            f.Wire<ImplementationStatus>(map, "status", ImplementationStatuses.TryParse, ImplementationStatuses.WireNames, required: true) ?? default,
            f.Strings(map, "mappings"));
    }

    private static JudgedEvidence ReadEvidence(YamlMap map, YamlFields f)
    {
        f.OnlyKeys(map, EvidenceKeys);
        return new JudgedEvidence(f.String(map, "evidence", required: true) ?? "", f.Int(map, "version", 1, int.MaxValue, required: true) ?? 1);
    }
}
