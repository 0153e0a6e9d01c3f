using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Policies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "policies",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    owner = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    review_cadence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    requirements_json = table.Column<string>(type: "text", nullable: false),
                    controls_json = table.Column<string>(type: "text", nullable: false),
                    template = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    evidence_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "policy_versions",
                columns: table => new
                {
                    policy_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    author = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    created_utc_ticks = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    approvers_json = table.Column<string>(type: "text", nullable: false),
                    published_utc_ticks = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_versions", x => new { x.policy_id, x.number });
                    table.ForeignKey(
                        name: "fk_policy_versions_policies_policy_id",
                        column: x => x.policy_id,
                        principalTable: "policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policy_acknowledgements",
                columns: table => new
                {
                    policy_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    person = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    acknowledged_utc_ticks = table.Column<long>(type: "bigint", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_acknowledgements", x => new { x.policy_id, x.version_number, x.person });
                    table.ForeignKey(
                        name: "fk_policy_acknowledgements_policy_versions_policy_id_version_number",
                        columns: x => new { x.policy_id, x.version_number },
                        principalTable: "policy_versions",
                        principalColumns: new[] { "policy_id", "number" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policy_approvals",
                columns: table => new
                {
                    policy_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    approver = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    approved_utc_ticks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_approvals", x => new { x.policy_id, x.version_number, x.approver });
                    table.ForeignKey(
                        name: "fk_policy_approvals_policy_versions_policy_id_version_number",
                        columns: x => new { x.policy_id, x.version_number },
                        principalTable: "policy_versions",
                        principalColumns: new[] { "policy_id", "number" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_policies_ordinal",
                table: "policies",
                column: "ordinal");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "policy_acknowledgements");

            migrationBuilder.DropTable(
                name: "policy_approvals");

            migrationBuilder.DropTable(
                name: "policy_versions");

            migrationBuilder.DropTable(
                name: "policies");
        }
    }
}
