using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ControlTaskNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "control_task_notes",
                columns: table => new
                {
                    control_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    assignee = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    snoozed_until = table.Column<DateOnly>(type: "date", nullable: true),
                    snooze_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    did_not_occur_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_control_task_notes", x => new { x.control_id, x.period_start });
                    table.ForeignKey(
                        name: "fk_control_task_notes_controls_control_id",
                        column: x => x.control_id,
                        principalTable: "controls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "control_task_notes");
        }
    }
}
