using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertificateInquiry.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Hardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastAuthenticatorTimeStep",
                table: "StaffUsers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "StaffUsers",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "MobileNumbersUsed",
                table: "Requests",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SmsCodeSends",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Mobile = table.Column<string>(type: "varchar(11)", unicode: false, maxLength: 11, nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsCodeSends", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SmsCodeSends_Mobile_Sequence",
                table: "SmsCodeSends",
                columns: new[] { "Mobile", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SmsCodeSends");

            migrationBuilder.DropColumn(
                name: "LastAuthenticatorTimeStep",
                table: "StaffUsers");

            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                table: "StaffUsers");

            migrationBuilder.DropColumn(
                name: "MobileNumbersUsed",
                table: "Requests");
        }
    }
}
