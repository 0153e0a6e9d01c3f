using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Trellis.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notification_deliveries",
                columns: table => new
                {
                    job = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    slot = table.Column<long>(type: "bigint", nullable: false),
                    person = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    lines = table.Column<string>(type: "text", nullable: false),
                    message_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    mail_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    lease_until = table.Column<long>(type: "bigint", nullable: false),
                    in_app_at = table.Column<long>(type: "bigint", nullable: true),
                    done_at = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_deliveries", x => new { x.job, x.slot, x.person });
                });

            migrationBuilder.CreateTable(
                name: "notification_job_runs",
                columns: table => new
                {
                    job = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    slot = table.Column<long>(type: "bigint", nullable: false),
                    holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    lease_until = table.Column<long>(type: "bigint", nullable: false),
                    planned_at = table.Column<long>(type: "bigint", nullable: true),
                    completed_at = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_job_runs", x => new { x.job, x.slot });
                });

            migrationBuilder.CreateTable(
                name: "notification_settings",
                columns: table => new
                {
                    person = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    email = table.Column<bool>(type: "boolean", nullable: false),
                    kinds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    stale_within_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_settings", x => x.person);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    dedupe_key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    job = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    read_at = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_person_dedupe_key",
                table: "notifications",
                columns: new[] { "person", "dedupe_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_person_read_at",
                table: "notifications",
                columns: new[] { "person", "read_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notification_deliveries");

            migrationBuilder.DropTable(
                name: "notification_job_runs");

            migrationBuilder.DropTable(
                name: "notification_settings");

            migrationBuilder.DropTable(
                name: "notifications");
        }
    }
}
