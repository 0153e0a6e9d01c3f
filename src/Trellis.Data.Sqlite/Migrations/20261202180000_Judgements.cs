using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Judgements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "judgements",
                columns: table => new
                {
                    framework = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    requirement = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    controls_json = table.Column<string>(type: "TEXT", nullable: false),
                    evidence_json = table.Column<string>(type: "TEXT", nullable: false),
                    judged_by = table.Column<string>(type: "TEXT", nullable: false),
                    judged_at_utc_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    rationale = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_judgements", x => new { x.framework, x.requirement });
                });

            migrationBuilder.CreateIndex(
                name: "ix_judgements_ordinal",
                table: "judgements",
                column: "ordinal");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "judgements");
        }
    }
}
