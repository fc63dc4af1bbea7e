using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertificateInquiry.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SmsDeliveryReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Messages sent before this migration were never asked about: "Unknown", a value the enum can read.
            migrationBuilder.AddColumn<string>(
                name: "Delivery",
                table: "Outbox",
                type: "TEXT",
                unicode: false,
                maxLength: 12,
                nullable: false,
                defaultValue: "Unknown");

            migrationBuilder.AddColumn<DateTime>(
                name: "DeliveryCheckedAtUtc",
                table: "Outbox",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Delivery",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "DeliveryCheckedAtUtc",
                table: "Outbox");
        }
    }
}
