using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Data.Sqlite.Migrations
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
                    job = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    slot = table.Column<long>(type: "INTEGER", nullable: false),
                    person = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    lines = table.Column<string>(type: "TEXT", nullable: false),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    mail_state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    lease_until = table.Column<long>(type: "INTEGER", nullable: false),
                    in_app_at = table.Column<long>(type: "INTEGER", nullable: true),
                    done_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_deliveries", x => new { x.job, x.slot, x.person });
                });

            migrationBuilder.CreateTable(
                name: "notification_job_runs",
                columns: table => new
                {
                    job = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    slot = table.Column<long>(type: "INTEGER", nullable: false),
                    holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    lease_until = table.Column<long>(type: "INTEGER", nullable: false),
                    planned_at = table.Column<long>(type: "INTEGER", nullable: true),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_job_runs", x => new { x.job, x.slot });
                });

            migrationBuilder.CreateTable(
                name: "notification_settings",
                columns: table => new
                {
                    person = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    email = table.Column<bool>(type: "INTEGER", nullable: false),
                    kinds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    stale_within_days = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_settings", x => x.person);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    dedupe_key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    job = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    read_at = table.Column<long>(type: "INTEGER", nullable: true)
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
