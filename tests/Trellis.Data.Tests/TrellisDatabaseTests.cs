using Npgsql;

namespace Trellis.Data.Tests;

public sealed class TrellisDatabaseTests
{
    [Fact]
    public void Open_NothingGiven_UsesTrellisDbInTheCurrentDirectory()
    {
        var db = TrellisDatabase.Open(null, environmentValue: null, options: null);

        Assert.Equal(DatabaseProvider.Sqlite, db.Value.Provider);
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "trellis.db"), db.Value.Description);
    }

    [Fact]
    public void Open_NothingGivenButEnvironment_UsesTheEnvironment()
    {
        var db = TrellisDatabase.Open(null, environmentValue: "Host=db.internal;Database=grc", options: null);

        Assert.Equal(DatabaseProvider.Postgres, db.Value.Provider);
    }

    [Fact]
    public void Open_ExplicitValue_WinsOverTheEnvironment()
    {
        var db = TrellisDatabase.Open("/tmp/explicit.db", environmentValue: "Host=db.internal", options: null);

        Assert.Equal(DatabaseProvider.Sqlite, db.Value.Provider);
        Assert.Equal("/tmp/explicit.db", db.Value.Description);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5432;Username=trellis;Database=grc")]
    [InlineData("Port=5432;host=127.0.0.1;Database=grc")]
    [InlineData("Server=127.0.0.1;Database=grc")]
    public void Open_KeyValueWithHost_IsPostgres(string value)
    {
        var db = TrellisDatabase.Open(value, null, null);

        Assert.Equal(DatabaseProvider.Postgres, db.Value.Provider);
        Assert.Equal("grc", new NpgsqlConnectionStringBuilder(db.Value.ConnectionString).Database);
    }

    [Fact]
    public void Open_PostgresUri_BecomesAnNpgsqlConnectionString()
    {
        var db = TrellisDatabase.Open("postgresql://grc%40ops:p%3Bss@db.example.com:6543/trellis?sslmode=require", null, null);

        var cs = new NpgsqlConnectionStringBuilder(db.Value.ConnectionString);
        Assert.Equal(DatabaseProvider.Postgres, db.Value.Provider);
        Assert.Equal(("db.example.com", 6543, "grc@ops", "p;ss", "trellis", SslMode.Require), (cs.Host, cs.Port, cs.Username, cs.Password, cs.Database, cs.SslMode));
        Assert.DoesNotContain("p;ss", db.Value.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Data Source=/tmp/x.db", "/tmp/x.db")]
    [InlineData("data source=/tmp/y.db;Cache=Shared", "/tmp/y.db")]
    [InlineData("/var/lib/trellis/prod.db", "/var/lib/trellis/prod.db")]
    public void Open_SqliteConnectionStringOrPath_IsSqliteWithForeignKeys(string value, string file)
    {
        var db = TrellisDatabase.Open(value, null, null);

        Assert.Equal(DatabaseProvider.Sqlite, db.Value.Provider);
        Assert.Equal(file, db.Value.Description);
        Assert.Contains("Foreign Keys=True", db.Value.ConnectionString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=x;Bogus Keyword=1")]
    [InlineData("Data Source=/tmp/x.db;Nonsense=2")]
    [InlineData("postgres://")]
    public void Open_MalformedConnectionString_FailsWithInvalidDatabase(string value)
    {
        var db = TrellisDatabase.Open(value, null, null);

        Assert.Equal("invalid-database", db.Error?.Code);
    }

    [Fact]
    public void Open_MultiHostFailoverString_IsPostgres_KeepsTheHostsAndTargetSessionAttributes()
    {
        var db = TrellisDatabase.Open("Host=db1:5432,db2:5433;Target Session Attributes=primary;Host Recheck Seconds=1;Username=trellis;Database=grc", null, null);

        Assert.Equal(DatabaseProvider.Postgres, db.Value.Provider);
        Assert.Equal("postgresql://db1:5432,db2:5433/grc", db.Value.Description);
        var kept = new NpgsqlConnectionStringBuilder(db.Value.ConnectionString);
        Assert.Equal("db1:5432,db2:5433", kept.Host);
        Assert.Equal("primary", kept.TargetSessionAttributes);
        Assert.Equal(1, kept.HostRecheckSeconds);
    }
}
