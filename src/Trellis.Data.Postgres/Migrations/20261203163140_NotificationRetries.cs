using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NotificationRetries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "mail_attempts",
                table: "notification_deliveries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "mail_error",
                table: "notification_deliveries",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "mail_attempts",
                table: "notification_deliveries");

            migrationBuilder.DropColumn(
                name: "mail_error",
                table: "notification_deliveries");
        }
    }
}
