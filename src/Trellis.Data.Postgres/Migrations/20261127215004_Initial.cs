using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "blobs",
                columns: table => new
                {
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_blobs", x => x.sha256);
                });

            migrationBuilder.CreateTable(
                name: "controls",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    owner = table.Column<string>(type: "text", nullable: false),
                    cadence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_controls", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "evidence",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "imported_frameworks",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    source_format = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    document = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imported_frameworks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "program_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    organization = table.Column<string>(type: "text", nullable: false),
                    scope_json = table.Column<string>(type: "text", nullable: false),
                    risk_matrix_json = table.Column<string>(type: "text", nullable: false),
                    soa_version = table.Column<string>(type: "text", nullable: true),
                    soa_approved_by = table.Column<string>(type: "text", nullable: true),
                    soa_approved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_program_settings", x => x.id);
                    table.CheckConstraint("ck_program_settings_singleton", "id = 1");
                });

            migrationBuilder.CreateTable(
                name: "risks",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    asset = table.Column<string>(type: "text", nullable: false),
                    threat = table.Column<string>(type: "text", nullable: false),
                    vulnerability = table.Column<string>(type: "text", nullable: false),
                    owner = table.Column<string>(type: "text", nullable: false),
                    inherent_likelihood = table.Column<int>(type: "integer", nullable: false),
                    inherent_impact = table.Column<int>(type: "integer", nullable: false),
                    residual_likelihood = table.Column<int>(type: "integer", nullable: false),
                    residual_impact = table.Column<int>(type: "integer", nullable: false),
                    treatment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    requirement_ids_json = table.Column<string>(type: "text", nullable: false),
                    acceptance_approver = table.Column<string>(type: "text", nullable: true),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    acceptance_expires = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "soa_decisions",
                columns: table => new
                {
                    control = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    applicable = table.Column<bool>(type: "boolean", nullable: false),
                    justification = table.Column<string>(type: "text", nullable: false),
                    reasons_json = table.Column<string>(type: "text", nullable: false),
                    declared_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_soa_decisions", x => x.control);
                });

            migrationBuilder.CreateTable(
                name: "control_mappings",
                columns: table => new
                {
                    control_id = table.Column<string>(type: "character varying(200)", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    framework = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requirement = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    relationship = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_control_mappings", x => new { x.control_id, x.ordinal });
                    table.ForeignKey(
                        name: "fk_control_mappings_controls_control_id",
                        column: x => x.control_id,
                        principalTable: "controls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evidence_controls",
                columns: table => new
                {
                    evidence_id = table.Column<string>(type: "character varying(200)", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    control_id = table.Column<string>(type: "character varying(200)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_controls", x => new { x.evidence_id, x.ordinal });
                    table.ForeignKey(
                        name: "fk_evidence_controls_controls_control_id",
                        column: x => x.control_id,
                        principalTable: "controls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_evidence_controls_evidence_evidence_id",
                        column: x => x.evidence_id,
                        principalTable: "evidence",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evidence_versions",
                columns: table => new
                {
                    evidence_id = table.Column<string>(type: "character varying(200)", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    file_name = table.Column<string>(type: "text", nullable: true),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    media_type = table.Column<string>(type: "text", nullable: true),
                    url = table.Column<string>(type: "text", nullable: true),
                    collected_at_utc_ticks = table.Column<long>(type: "bigint", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_versions", x => new { x.evidence_id, x.number });
                    table.CheckConstraint("ck_evidence_versions_file_or_link", "(sha256 IS NULL) <> (url IS NULL)");
                    table.ForeignKey(
                        name: "fk_evidence_versions_blobs_sha256",
                        column: x => x.sha256,
                        principalTable: "blobs",
                        principalColumn: "sha256",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_evidence_versions_evidence_evidence_id",
                        column: x => x.evidence_id,
                        principalTable: "evidence",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "risk_actions",
                columns: table => new
                {
                    risk_id = table.Column<string>(type: "character varying(200)", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    due = table.Column<DateOnly>(type: "date", nullable: true),
                    done = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_actions", x => new { x.risk_id, x.ordinal });
                    table.ForeignKey(
                        name: "fk_risk_actions_risks_risk_id",
                        column: x => x.risk_id,
                        principalTable: "risks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "risk_controls",
                columns: table => new
                {
                    risk_id = table.Column<string>(type: "character varying(200)", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    control_id = table.Column<string>(type: "character varying(200)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_controls", x => new { x.risk_id, x.ordinal });
                    table.ForeignKey(
                        name: "fk_risk_controls_controls_control_id",
                        column: x => x.control_id,
                        principalTable: "controls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_risk_controls_risks_risk_id",
                        column: x => x.risk_id,
                        principalTable: "risks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "risk_action_controls",
                columns: table => new
                {
                    risk_id = table.Column<string>(type: "character varying(200)", nullable: false),
                    action_ordinal = table.Column<int>(type: "integer", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    control_id = table.Column<string>(type: "character varying(200)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_action_controls", x => new { x.risk_id, x.action_ordinal, x.ordinal });
                    table.ForeignKey(
                        name: "fk_risk_action_controls_controls_control_id",
                        column: x => x.control_id,
                        principalTable: "controls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_risk_action_controls_risk_actions_risk_id_action_ordinal",
                        columns: x => new { x.risk_id, x.action_ordinal },
                        principalTable: "risk_actions",
                        principalColumns: new[] { "risk_id", "ordinal" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "program_settings",
                columns: new[] { "id", "organization", "risk_matrix_json", "scope_json", "soa_approved_by", "soa_approved_on", "soa_version", "version" },
                values: new object[] { 1, "", "{}", "{}", null, null, null, 1 });

            migrationBuilder.CreateIndex(
                name: "ix_control_mappings_framework_requirement",
                table: "control_mappings",
                columns: new[] { "framework", "requirement" });

            migrationBuilder.CreateIndex(
                name: "ix_controls_ordinal",
                table: "controls",
                column: "ordinal");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_ordinal",
                table: "evidence",
                column: "ordinal");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_controls_control_id",
                table: "evidence_controls",
                column: "control_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_versions_sha256",
                table: "evidence_versions",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "ix_risk_action_controls_control_id",
                table: "risk_action_controls",
                column: "control_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_controls_control_id",
                table: "risk_controls",
                column: "control_id");

            migrationBuilder.CreateIndex(
                name: "ix_risks_ordinal",
                table: "risks",
                column: "ordinal");

            migrationBuilder.CreateIndex(
                name: "ix_soa_decisions_ordinal",
                table: "soa_decisions",
                column: "ordinal");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "control_mappings");

            migrationBuilder.DropTable(
                name: "evidence_controls");

            migrationBuilder.DropTable(
                name: "evidence_versions");

            migrationBuilder.DropTable(
                name: "imported_frameworks");

            migrationBuilder.DropTable(
                name: "program_settings");

            migrationBuilder.DropTable(
                name: "risk_action_controls");

            migrationBuilder.DropTable(
                name: "risk_controls");

            migrationBuilder.DropTable(
                name: "soa_decisions");

            migrationBuilder.DropTable(
                name: "blobs");

            migrationBuilder.DropTable(
                name: "evidence");

            migrationBuilder.DropTable(
                name: "risk_actions");

            migrationBuilder.DropTable(
                name: "controls");

            migrationBuilder.DropTable(
                name: "risks");
        }
    }
}
