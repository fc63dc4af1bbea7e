using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertificateInquiry.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class IdentityChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Requests filed before this migration were never checked: "NotChecked", a value the enums can read.
            migrationBuilder.AddColumn<string>(
                name: "IdentityCheck",
                table: "Requests",
                type: "varchar(16)",
                unicode: false,
                maxLength: 16,
                nullable: false,
                defaultValue: "NotChecked");

            migrationBuilder.AddColumn<int>(
                name: "IdentityCheckAttempts",
                table: "Requests",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "IdentityCheckedAtUtc",
                table: "Requests",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentityDifferences",
                table: "Requests",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MobileOwnership",
                table: "Requests",
                type: "varchar(16)",
                unicode: false,
                maxLength: 16,
                nullable: false,
                defaultValue: "NotChecked");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IdentityCheck",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "IdentityCheckAttempts",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "IdentityCheckedAtUtc",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "IdentityDifferences",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "MobileOwnership",
                table: "Requests");
        }
    }
}
