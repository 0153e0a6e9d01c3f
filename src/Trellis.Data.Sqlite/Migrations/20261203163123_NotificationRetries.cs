using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Data.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "mail_error",
                table: "notification_deliveries",
                type: "TEXT",
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
