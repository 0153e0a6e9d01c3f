using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Collectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "collector_check_results",
                columns: table => new
                {
                    run_id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    check_id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collector_check_results", x => new { x.run_id, x.ordinal });
                });

            migrationBuilder.CreateTable(
                name: "collector_runs",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    collector = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: false),
                    observed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 2100, nullable: false),
                    evidence_json = table.Column<string>(type: "TEXT", nullable: false),
                    captures_json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collector_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "collectors",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    schedule = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    definition_json = table.Column<string>(type: "TEXT", nullable: false),
                    protected_secret = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collectors", x => x.name);
                });

            migrationBuilder.CreateIndex(
                name: "ix_collector_runs_collector_started_at",
                table: "collector_runs",
                columns: new[] { "collector", "started_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "collector_check_results");

            migrationBuilder.DropTable(
                name: "collector_runs");

            migrationBuilder.DropTable(
                name: "collectors");
        }
    }
}
