using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Data.Postgres.Migrations
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
                    framework = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requirement = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    controls_json = table.Column<string>(type: "text", nullable: false),
                    evidence_json = table.Column<string>(type: "text", nullable: false),
                    judged_by = table.Column<string>(type: "text", nullable: false),
                    judged_at_utc_ticks = table.Column<long>(type: "bigint", nullable: false),
                    rationale = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
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
