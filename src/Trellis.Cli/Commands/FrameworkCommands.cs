using System.CommandLine;
using System.Text.Json.Serialization;
using Trellis.Application.Catalogs;
using Trellis.Cli.Output;
using Trellis.Content;
using Trellis.Core.Frameworks;

namespace Trellis.Cli.Commands;

/// <summary><c>trellis frameworks</c> and <c>trellis framework show</c>.</summary>
internal static class FrameworkCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        yield return List(ctx);
        var framework = new Command("framework", "Work with one framework catalog.");
        framework.Subcommands.Add(Show(ctx));
        framework.Subcommands.Add(OscalCommands.FrameworkImport(ctx));
        yield return framework;
    }

    private static Command List(CliContext ctx)
    {
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var cmd = new Command("frameworks", "List the frameworks Trellis knows (shipped and imported).") { format, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var rows = (await (await Libraries.OpenAsync(parse, db, ct).ConfigureAwait(false)).CatalogAsync(ct).ConfigureAwait(false)).Frameworks
                .Select(f => new FrameworkSummary(f.Id, f.Name, f.Version, f.Requirements.Count, f.Metadata.AssuranceModel, f.Revision))
                .ToList();
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, rows);
            }
            else
            {
                Render.WriteTable(ctx.Out, ["id", "name", "version", "requirements", "assurance"], rows.Select(r =>
                    (IReadOnlyList<string?>)[r.Id, r.Name, r.Version, r.RequirementCount.ToString(System.Globalization.CultureInfo.InvariantCulture), r.AssuranceModel]));
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Show(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "Framework ID, e.g. iso27001-2022, soc2-2017, nist-csf-2.0." };
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var cmd = new Command("show", "Show every requirement of a framework (withdrawn ones marked).") { id, format, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var fw = CliContext.Require((await (await Libraries.OpenAsync(parse, db, ct).ConfigureAwait(false)).CatalogAsync(ct).ConfigureAwait(false)).Framework(parse.GetValue(id)!));
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, new FrameworkDetail(
                    fw.Id, fw.Name, fw.Version, fw.Revision, fw.Source, fw.Licence, fw.Metadata,
                    fw.AllRequirements.Select(RequirementView.From).ToList()));
            }
            else
            {
                Render.WriteTable(
                    ctx.Out,
                    ["id", "kind", "title", "group"],
                    fw.AllRequirements.Select(r => (IReadOnlyList<string?>)[r.Id + (r.Withdrawn ? " (withdrawn)" : ""), r.Kind.ToWire(), r.Title, r.Theme ?? r.Category ?? r.Section ?? r.Parent]),
                    $"{fw.Name} — {fw.Requirements.Count} requirements");
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private sealed record FrameworkSummary(string Id, string Name, string Version, int RequirementCount, string AssuranceModel, int Revision);

    private sealed record FrameworkDetail(
        string Id, string Name, string Version, int Revision, string Source, string Licence, FrameworkMetadata Metadata, IReadOnlyList<RequirementView> Requirements);

    private sealed record RequirementView(
        string Id,
        string Title,
        string Kind,
        string? Parent,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Theme,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Category,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Section,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Group,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CosoPrinciple,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Guidance,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? PointsOfFocus,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, IReadOnlyList<string>>? Attributes,
        bool Withdrawn)
    {
        public static RequirementView From(Requirement r) => new(
            r.Id, r.Title, r.Kind.ToWire(), r.Parent, r.Theme, r.Category, r.Section, r.Group, r.CosoPrinciple, r.Text, r.Guidance,
            r.PointsOfFocus.Count > 0 ? r.PointsOfFocus : null,
            r.Attributes.Count > 0 ? r.Attributes : null,
            r.Withdrawn);
    }
}
