using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProgramListsAndSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "pursued_frameworks_json",
                table: "program_settings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "readiness_snapshots",
                columns: table => new
                {
                    framework = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    covered = table.Column<int>(type: "INTEGER", nullable: false),
                    partial = table.Column<int>(type: "INTEGER", nullable: false),
                    gap = table.Column<int>(type: "INTEGER", nullable: false),
                    not_applicable = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_readiness_snapshots", x => new { x.framework, x.day });
                });

            migrationBuilder.UpdateData(
                table: "program_settings",
                keyColumn: "id",
                keyValue: 1,
                column: "pursued_frameworks_json",
                value: null);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "readiness_snapshots");

            migrationBuilder.DropColumn(
                name: "pursued_frameworks_json",
                table: "program_settings");
        }
    }
}
