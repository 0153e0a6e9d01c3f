using Microsoft.Data.Sqlite;
using static Trellis.Cli.Tests.CliRunner;

namespace Trellis.Cli.Tests;

/// <summary>
/// Issue 14, reliability 1 and 2: a replace shows what changes and needs --replace after an automatic backup; backup and
/// restore keep everything, refuse a damaged backup and work while writes go on.
/// </summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trellis-backup-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Import_EmptyProgramOverTheDemoWithoutReplace_IsRefusedAndChangesNothing()
    {
        // The attack run's reproduction: a program.yaml with `controls: []` wiped 62 controls with one command.
        var db = PathOf("t.db");
        Assert.Equal(0, Run("demo", "--db", db).Code);
        var before = Run("controls", "--format", "json", "--db", db).Out;
        var yaml = PathOf("empty.yaml");
        File.WriteAllText(yaml, "format: trellis-program/1\norganization: Wiper\ncontrols: []\n");

        var (code, _, err) = Run("import", yaml, "--db", db);

        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("controls 60 → 0", err, StringComparison.Ordinal);
        Assert.Contains("--replace", err, StringComparison.Ordinal);
        Assert.Equal(before, Run("controls", "--format", "json", "--db", db).Out);
        Assert.False(Directory.Exists(db + ".backups"));
    }

    [Fact]
    public void Import_WithReplace_BacksTheDatabaseUpFirstAndTheBackupRestoresTheProgram()
    {
        var db = PathOf("t.db");
        Assert.Equal(0, Run("demo", "--db", db).Code);
        var before = Run("controls", "--format", "json", "--db", db).Out;
        var yaml = PathOf("empty.yaml");
        File.WriteAllText(yaml, "format: trellis-program/1\norganization: Wiper\ncontrols: []\n");

        var (code, _, err) = Run("import", yaml, "--db", db, "--replace");

        Assert.True(code == 0, err);
        var backup = Assert.Single(Directory.GetFiles(db + ".backups", "trellis-*-import.db"));
        Assert.Equal("[]", Run("controls", "--format", "json", "--db", db).Out.Trim());
        var restored = Run("restore", backup, "--db", db, "--replace");
        Assert.True(restored.Code == 0, restored.Err);
        Assert.Equal(before, Run("controls", "--format", "json", "--db", db).Out);
        Assert.Equal(0, Run("audit-log", "verify", "--db", db).Code);
    }

    [Fact]
    public void Demo_OverAProgramWithoutReplace_IsRefused()
    {
        var db = PathOf("t.db");
        Assert.Equal(0, Run("demo", "--db", db).Code);
        var (code, _, err) = Run("demo", "--db", db);
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("replace-not-confirmed", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_BackupWithAChangedEvidenceFile_IsRefusedAndTheTargetIsUnchanged()
    {
        var db = PathOf("t.db");
        Assert.Equal(0, Run("demo", "--db", db).Code);
        var backup = PathOf("b.db");
        Assert.Equal(0, Run("backup", "--out", backup, "--db", db).Code);
        Tamper(backup, "UPDATE blobs SET content = X'00' WHERE rowid = (SELECT MIN(rowid) FROM blobs)");
        var other = PathOf("other.db");
        Assert.Equal(0, Run("init", "--db", other).Code);

        var (code, _, err) = Run("restore", backup, "--db", other, "--replace");

        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("damaged", err, StringComparison.Ordinal);
        Assert.Equal("[]", Run("controls", "--format", "json", "--db", other).Out.Trim());
    }

    [Fact]
    public void Restore_BackupWithAnAlteredAuditEntry_IsRefused()
    {
        var db = PathOf("t.db");
        Assert.Equal(0, Run("demo", "--db", db).Code);
        var backup = PathOf("b.db");
        Assert.Equal(0, Run("backup", "--out", backup, "--db", db).Code);
        Tamper(backup, "UPDATE web_audit_log SET actor = 'mallory' WHERE sequence = 1");

        var (code, _, err) = Run("restore", backup, "--db", PathOf("fresh.db"));

        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("audit trail does not verify", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Backup_ExistingFile_IsNeverOverwritten()
    {
        var db = PathOf("t.db");
        Assert.Equal(0, Run("init", "--db", db).Code);
        File.WriteAllText(PathOf("b.db"), "keep me");
        Assert.Equal(ExitCodes.Invalid, Run("backup", "--out", PathOf("b.db"), "--db", db).Code);
        Assert.Equal("keep me", File.ReadAllText(PathOf("b.db")));
    }

    [Fact]
    public async Task Backup_WhileEvidenceIsAddedInParallel_IsConsistentAndRestores()
    {
        var db = PathOf("t.db");
        Assert.Equal(0, Run("demo", "--db", db).Code);
        using var stop = new CancellationTokenSource();
        var added = 0;
        var writer = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var r = Run("evidence", "add", "AC-01", $"https://example.com/run/{added}", "--effective", "2026-11-01", "--db", db);
                Assert.True(r.Code == 0, r.Err);
                added++;
            }
        });
        while (added < 3)
        {
            await Task.Delay(50);
        }

        var backups = Enumerable.Range(0, 3).Select(i => PathOf($"b{i}.db")).ToList();
        foreach (var file in backups)
        {
            var (code, output, err) = Run("backup", "--out", file, "--db", db);
            Assert.True(code == 0, err);
            Assert.Contains(": OK", output, StringComparison.Ordinal);
        }

        await stop.CancelAsync();
        await writer;
        Assert.True(added > 3);
        var restored = Run("restore", backups[^1], "--db", PathOf("r.db"));
        Assert.True(restored.Code == 0, restored.Err);
        Assert.Equal(0, Run("audit-log", "verify", "--db", PathOf("r.db")).Code);
    }

    [SkippableFact]
    public void BackupAndRestore_Postgres_RoundTripKeepsTheReplacedDatabaseAndRefusesATruncatedDump()
    {
        var pg = Environment.GetEnvironmentVariable("TRELLIS_TEST_PG");
        Skip.If(string.IsNullOrEmpty(pg), "TRELLIS_TEST_PG not set");
        var database = "trellis_backup_" + Guid.NewGuid().ToString("N")[..12];
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(pg) { Database = database }.ConnectionString;
        try
        {
            Assert.Equal(0, Run("demo", "--db", cs).Code);
            var before = Run("controls", "--format", "json", "--db", cs).Out;
            var dump = PathOf("pg.dump");
            var backup = Run("backup", "--out", dump, "--db", cs);
            Assert.True(backup.Code == 0, backup.Err);
            Assert.Contains(": OK", backup.Out, StringComparison.Ordinal);

            var truncated = PathOf("truncated.dump");
            File.WriteAllBytes(truncated, File.ReadAllBytes(dump)[..(int)(new FileInfo(dump).Length / 2)]);
            var refused = Run("restore", truncated, "--db", cs, "--replace");
            Assert.Equal(ExitCodes.Invalid, refused.Code);
            Assert.Equal(before, Run("controls", "--format", "json", "--db", cs).Out);

            File.WriteAllText(PathOf("empty.yaml"), "format: trellis-program/1\norganization: Wiper\ncontrols: []\n");
            Assert.Equal(0, Run("import", PathOf("empty.yaml"), "--db", cs, "--replace").Code);
            var restored = Run("restore", dump, "--db", cs, "--replace");
            Assert.True(restored.Code == 0, restored.Err);
            Assert.Equal(before, Run("controls", "--format", "json", "--db", cs).Out);
            Assert.Equal(0, Run("audit-log", "verify", "--db", cs).Code);
            Assert.Contains(Databases(pg!), d => d.StartsWith(database + "_before_restore_", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var d in Databases(pg!).Where(d => d.StartsWith(database, StringComparison.Ordinal)))
            {
                Exec(pg!, $"DROP DATABASE IF EXISTS \"{d}\" WITH (FORCE)");
            }

            if (Directory.Exists("trellis-backups"))
            {
                Directory.Delete("trellis-backups", recursive: true);
            }
        }
    }

    private static List<string> Databases(string pg)
    {
        using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(pg) { Pooling = false }.ConnectionString);
        admin.Open();
        using var command = new Npgsql.NpgsqlCommand("SELECT datname FROM pg_database", admin);
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static void Exec(string pg, string sql)
    {
        using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(pg) { Pooling = false }.ConnectionString);
        admin.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, admin);
        command.ExecuteNonQuery();
    }

    private static void Tamper(string file, string sql)
    {
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            Assert.Equal(1, command.ExecuteNonQuery());
        }
    }

    private string PathOf(string name) => Path.Combine(_dir, name);
}

/// <summary>Issue 14, reliability 5: <c>trellis keyring new</c> writes a certificate the web app can protect its key ring with.</summary>
public sealed class KeyRingCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trellis-keyring-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void New_WritesAPfxWithAnRsaPrivateKeyOpenedByThePrintedPassword_AndNeverOverwritesIt()
    {
        var file = Path.Combine(_dir, "keyring.pfx");
        var (code, output, err) = Run("keyring", "new", "--out", file);
        Assert.True(code == 0, err);
        var password = output.Split("shown only now: ")[1].Split('\n')[0].Trim();

        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(file, password);
        Assert.True(certificate.HasPrivateKey);
        using var rsa = System.Security.Cryptography.X509Certificates.RSACertificateExtensions.GetRSAPrivateKey(certificate);
        Assert.Equal(3072, rsa!.KeySize);

        var before = File.ReadAllBytes(file);
        Assert.Equal(ExitCodes.Invalid, Run("keyring", "new", "--out", file).Code);
        Assert.Equal(before, File.ReadAllBytes(file));
    }
}
