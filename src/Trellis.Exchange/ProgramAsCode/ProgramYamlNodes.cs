using Trellis.Core.Program;
using Trellis.Core.Risks;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>The scope, risk and SoA sections of program.yaml as nodes, in the documented key order.</summary>
internal static class ProgramYamlNodes
{
    public static YMap Scope(ProgramScope s) => new MapBuilder()
        .Add("isms", new MapBuilder()
            .AddText("statement", s.Isms.Statement)
            .AddStrings("boundaries", s.Isms.Boundaries)
            .AddStrings("exclusions", s.Isms.Exclusions)
            .AddStrings("interfaces", s.Isms.Interfaces)
            .Build())
        .Add("system", new MapBuilder()
            .AddText("name", s.System.Name)
            .AddStrings("services", s.System.Services)
            .AddStrings("serviceCommitments", s.System.ServiceCommitments)
            .AddStrings("systemRequirements", s.System.SystemRequirements)
            .Add("components", new MapBuilder()
                .AddStrings("infrastructure", s.System.Components.Infrastructure)
                .AddStrings("software", s.System.Components.Software)
                .AddStrings("people", s.System.Components.People)
                .AddStrings("data", s.System.Components.Data)
                .AddStrings("procedures", s.System.Components.Procedures)
                .Build())
            .AddList("subservices", s.System.Subservices.Select(o => new MapBuilder()
                .Add("name", new YText(o.Name))
                .Add("service", new YText(o.Service))
                .Add("method", new YText(o.Method.ToWire()))
                .AddStrings("complementaryControls", o.ComplementaryControls)
                .Build()))
            .AddStrings("userEntityControls", s.System.UserEntityControls)
            .Build())

        // Always written, even empty: a missing list reads as the default (security only).
        .Add("tscCategories", new YSeq(s.TscCategories.Select(c => (YNode)new YText(c)).ToList()))
        .Build();

    public static YMap Risk(Risk r) => new MapBuilder()
        .Add("id", new YText(r.Id))
        .Add("title", new YText(r.Title))
        .AddText("asset", r.Asset)
        .AddText("threat", r.Threat)
        .AddText("vulnerability", r.Vulnerability)
        .AddText("owner", r.Owner)
        .Add("inherentLikelihood", YToken.Of(r.InherentLikelihood))
        .Add("inherentImpact", YToken.Of(r.InherentImpact))
        .Add("residualLikelihood", YToken.Of(r.ResidualLikelihood))
        .Add("residualImpact", YToken.Of(r.ResidualImpact))
        .Add("treatment", new YText(r.Treatment.ToWire()))
        .AddStrings("controls", r.ControlIds)
        .AddStrings("requirements", r.RequirementIds)
        .AddList("plan", r.Plan.Select(a => new MapBuilder()
            .Add("description", new YText(a.Description))
            .AddStrings("controls", a.ControlIds)
            .AddDate("due", a.Due)
            .Add("done", YToken.Of(a.Done))
            .Build()))
        .AddMap("acceptance", r.Acceptance is not { } a ? null : new MapBuilder()
            .Add("approver", new YText(a.Approver))
            .Add("acceptedOn", YToken.Of(a.AcceptedOn))
            .AddDate("expires", a.Expires)
            .Build())
        .Build();

    public static YMap Soa(SoaApproval? approval, IReadOnlyList<SoaDecision> rows)
    {
        var map = new MapBuilder();
        if (approval is not null)
        {
            map.Add("version", new YText(approval.Version))
                .Add("approvedBy", new YText(approval.ApprovedBy))
                .Add("approvedOn", YToken.Of(approval.ApprovedOn));
        }

        return map.AddList("rows", rows.Select(d => new MapBuilder()
                .Add("control", new YText(d.Control))
                .Add("applicable", YToken.Of(d.Applicable))
                .AddText("justification", d.Justification)
                .AddStrings("reasons", d.Reasons.Select(x => x.ToWire()).ToList())
                .AddOptional("declaredStatus", d.DeclaredStatus?.ToWire())
                .Build()))
            .Build();
    }
}
