using System.CommandLine;
using Trellis.Application.Collectors;
using Trellis.Cli.Output;
using Trellis.Core.Common;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis collectors [--format table|json]</c>, <c>collectors add KIND …</c> and <c>trellis collect NAME [--dry-run]</c>:
/// evidence that collects itself (issue 19, docs/collectors.md). Secrets come from an environment variable
/// (<c>--secret-env</c>), are stored protected and are never printed.
/// </summary>
internal static class CollectorCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var list = new Command("collectors", "The collectors: name, kind, schedule, last run and its status.") { format, db };
        list.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var collectors = CliContext.Require(await useCases.Collectors.ListAsync(useCases.Actor, ct).ConfigureAwait(false));
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, collectors.Select(c => new
                {
                    name = c.Name,
                    kind = c.Kind,
                    schedule = c.Schedule,
                    lastRun = c.LastRun,
                    status = c.Status,
                    controls = c.Controls,
                    source = c.Source,
                    secret = c.HasSecret,
                }));
            }
            else
            {
                Render.WriteTable(
                    ctx.Out,
                    ["name", "kind", "schedule", "last run", "status", "controls", "source"],
                    collectors.Select(c => (IReadOnlyList<string?>)
                    [
                        c.Name, c.Kind, c.Schedule ?? "on demand", c.LastRun?.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) ?? "never",
                        c.Status ?? "", string.Join(",", c.Controls), c.Source,
                    ]),
                    $"{collectors.Count} collectors");
            }

            return ExitCodes.Ok;
        });
        list.Subcommands.Add(Add(ctx));
        yield return list;
        yield return Collect(ctx);
    }

    private static Command Add(CliContext ctx)
    {
        var kind = new Argument<string>("kind") { Description = "json-api or folder (github and identity: not yet available)." };
        var name = new Option<string>("--name") { Description = "Unique name: a-z, 0-9 and '-'.", Required = true };
        var controls = new Option<string>("--controls") { Description = "Controls its evidence feeds, comma-separated.", Required = true };
        var url = new Option<string?>("--url") { Description = "json-api: the URL requested (its host is the only host requests go to)." };
        var method = new Option<string?>("--method") { Description = "json-api: GET (default) or POST." };
        var secretEnv = new Option<string?>("--secret-env") { Description = "The environment variable holding the secret (stored protected, never shown)." };
        var header = new Option<string?>("--header") { Description = "json-api: the header carrying the secret (default Authorization: Bearer SECRET)." };
        var check = new Option<string[]>("--check") { Description = "A check 'JSON-POINTER OP VALUE' (OP: == != < <= > >= exists); repeatable.", Arity = ArgumentArity.ZeroOrMore };
        var schedule = new Option<string?>("--schedule") { Description = "Cron schedule (five fields, UTC) for runs inside trellis serve." };
        var allowPrivate = new Option<bool>("--allow-private-network") { Description = "json-api: allow private, loopback and link-local targets (an internal endpoint)." };
        var path = new Option<string?>("--path") { Description = "folder: the folder watched for exports (CSV, JSON, PDF)." };
        var org = new Option<string?>("--org") { Description = "github: the organization (not yet available)." };
        var baseUrl = new Option<string?>("--base-url") { Description = "github, identity: the API's base URL (not yet available)." };
        var db = Db.Option();
        var cmd = new Command("add", "Adds a collector.") { kind, name, controls, url, method, secretEnv, header, check, schedule, allowPrivate, path, org, baseUrl, db };
        cmd.SetAction(async (parse, ct) =>
        {
            string? secret = null;
            if (parse.GetValue(secretEnv) is { } variable)
            {
                secret = Environment.GetEnvironmentVariable(variable);
                if (string.IsNullOrEmpty(secret))
                {
                    throw new CliFailureException(new Error(ErrorCodes.InvalidCollector, $"the environment variable '{variable}' (--secret-env) is not set or empty", "secret-env"));
                }
            }

            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var input = new NewCollector
            {
                Kind = parse.GetValue(kind)!,
                Name = parse.GetValue(name)!,
                Controls = (parse.GetValue(controls) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Url = parse.GetValue(url),
                Method = parse.GetValue(method),
                SecretHeader = parse.GetValue(header),
                SecretReference = parse.GetValue(secretEnv) is { } v ? "env:" + v : null,
                Secret = secret,
                Checks = parse.GetValue(check) ?? [],
                Schedule = parse.GetValue(schedule),
                AllowPrivateNetwork = parse.GetValue(allowPrivate),
                Path = parse.GetValue(path),
            };
            var added = CliContext.Require(await useCases.Collectors.AddAsync(useCases.Actor, input, ct).ConfigureAwait(false));
            ctx.Out.WriteLine($"added collector {added.Name} ({added.Kind}) feeding {string.Join(", ", added.Controls)}{(added.HasSecret ? "; secret stored protected" : "")}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Collect(CliContext ctx)
    {
        var name = new Argument<string>("name") { Description = "The collector to run." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Observe and check, write nothing." };
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var cmd = new Command("collect", "Runs a collector once: its capture becomes evidence for its controls; failed checks become exceptions.") { name, dryRun, format, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var outcome = CliContext.Require(await TerminalProgress.RunAsync(ctx, quiet: parse.GetValue(format) == "json", progress =>
            {
                progress?.Report(WorkProgress.Started($"Observing {parse.GetValue(name)} and running its checks"));
                return useCases.Collectors.CollectAsync(useCases.Actor, parse.GetValue(name)!, parse.GetValue(dryRun), ct);
            }).ConfigureAwait(false));
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, new
                {
                    run = outcome.Run,
                    collector = outcome.Collector,
                    status = outcome.Status,
                    reason = outcome.Reason,
                    observedAt = outcome.ObservedAt,
                    dryRun = outcome.DryRun,
                    evidence = outcome.Evidence,
                    checks = outcome.Checks.Select(c => new { id = c.Id, check = c.Text, passed = c.Passed, detail = c.Detail }),
                    notes = outcome.Notes,
                });
            }
            else
            {
                Render.WriteTable(
                    ctx.Out,
                    ["check", "passed", "detail"],
                    outcome.Checks.Select(c => (IReadOnlyList<string?>)[c.Id + " " + c.Text, c.Passed ? "yes" : "no", c.Detail]),
                    $"run {outcome.Run}{(outcome.DryRun ? " (dry run: nothing written)" : "")}: {outcome.Status}"
                    + (outcome.Reason is null ? "" : $" — {outcome.Reason}")
                    + (outcome.Evidence.Count == 0 ? "" : $"; evidence {string.Join(", ", outcome.Evidence)}"));
                foreach (var note in outcome.Notes)
                {
                    ctx.Out.WriteLine(note);
                }
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }
}
