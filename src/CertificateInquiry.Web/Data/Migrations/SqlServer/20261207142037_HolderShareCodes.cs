using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertificateInquiry.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class HolderShareCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Confidential",
                table: "InquiryAudit",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Confidential",
                table: "AgencyBatches",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ShareCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    CertificateId = table.Column<long>(type: "bigint", nullable: true),
                    CodeHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Hint = table.Column<string>(type: "varchar(4)", unicode: false, maxLength: 4, nullable: false),
                    Recipient = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    CreationKey = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UseCount = table.Column<int>(type: "int", nullable: false),
                    LastUsedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShareCodes_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShareCodes_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InquiryAudit_CertificateId_OccurredAtUtc",
                table: "InquiryAudit",
                columns: new[] { "CertificateId", "OccurredAtUtc" },
                filter: "CertificateId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ShareCodes_CodeHash",
                table: "ShareCodes",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShareCodes_PersonId_CreationKey",
                table: "ShareCodes",
                columns: new[] { "PersonId", "CreationKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ShareCodes");

            migrationBuilder.DropIndex(
                name: "IX_InquiryAudit_CertificateId_OccurredAtUtc",
                table: "InquiryAudit");

            migrationBuilder.DropColumn(
                name: "Confidential",
                table: "InquiryAudit");

            migrationBuilder.DropColumn(
                name: "Confidential",
                table: "AgencyBatches");
        }
    }
}
