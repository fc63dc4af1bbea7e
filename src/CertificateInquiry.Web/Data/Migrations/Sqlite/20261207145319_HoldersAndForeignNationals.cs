using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertificateInquiry.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HoldersAndForeignNationals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "RequestId",
                table: "SmsCodeSends",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "IdentityDocumentNumber",
                table: "Requests",
                type: "TEXT",
                unicode: false,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Nationality",
                table: "Requests",
                type: "TEXT",
                unicode: false,
                maxLength: 2,
                nullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "RequestId",
                table: "PhoneVerifications",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "HolderKey",
                table: "PhoneVerifications",
                type: "TEXT",
                unicode: false,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Nationality",
                table: "People",
                type: "TEXT",
                unicode: false,
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Confidential",
                table: "InquiryAudit",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "HolderNationality",
                table: "AnswerLetters",
                type: "TEXT",
                unicode: false,
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Confidential",
                table: "AgencyBatches",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CertificateCorrections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CertificateId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: false),
                    HolderIdentifier = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Field = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    ReportedValue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestedValue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Mobile = table.Column<string>(type: "TEXT", unicode: false, maxLength: 11, nullable: false),
                    SubmissionKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    DocumentName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    DocumentStoredName = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    DocumentContentType = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    DocumentLength = table.Column<long>(type: "INTEGER", nullable: true),
                    DocumentSha256 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    ProposedOutcome = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: true),
                    ProposedValue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ProposedReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProposedByUserId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificateCorrections_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CertificateCorrections_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShareCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    CertificateId = table.Column<long>(type: "INTEGER", nullable: true),
                    CodeHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Hint = table.Column<string>(type: "TEXT", unicode: false, maxLength: 4, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreationKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UseCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastUsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "CertificateChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CertificateId = table.Column<long>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedByUserId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CorrectionId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificateChanges_CertificateCorrections_CorrectionId",
                        column: x => x.CorrectionId,
                        principalTable: "CertificateCorrections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CertificateChanges_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneVerifications_HolderKey_Mobile",
                table: "PhoneVerifications",
                columns: new[] { "HolderKey", "Mobile" });

            migrationBuilder.CreateIndex(
                name: "IX_InquiryAudit_CertificateId_OccurredAtUtc",
                table: "InquiryAudit",
                columns: new[] { "CertificateId", "OccurredAtUtc" },
                filter: "CertificateId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateChanges_CertificateId",
                table: "CertificateChanges",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateChanges_CorrectionId",
                table: "CertificateChanges",
                column: "CorrectionId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateCorrections_CertificateId",
                table: "CertificateCorrections",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateCorrections_HolderIdentifier",
                table: "CertificateCorrections",
                column: "HolderIdentifier");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateCorrections_OpenKey",
                table: "CertificateCorrections",
                column: "OpenKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CertificateCorrections_ProvinceId_Status",
                table: "CertificateCorrections",
                columns: new[] { "ProvinceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateCorrections_SubmissionKey",
                table: "CertificateCorrections",
                column: "SubmissionKey",
                unique: true);

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
                name: "CertificateChanges");

            migrationBuilder.DropTable(
                name: "ShareCodes");

            migrationBuilder.DropTable(
                name: "CertificateCorrections");

            migrationBuilder.DropIndex(
                name: "IX_PhoneVerifications_HolderKey_Mobile",
                table: "PhoneVerifications");

            migrationBuilder.DropIndex(
                name: "IX_InquiryAudit_CertificateId_OccurredAtUtc",
                table: "InquiryAudit");

            migrationBuilder.DropColumn(
                name: "IdentityDocumentNumber",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Nationality",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "HolderKey",
                table: "PhoneVerifications");

            migrationBuilder.DropColumn(
                name: "Nationality",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Confidential",
                table: "InquiryAudit");

            migrationBuilder.DropColumn(
                name: "HolderNationality",
                table: "AnswerLetters");

            migrationBuilder.DropColumn(
                name: "Confidential",
                table: "AgencyBatches");

            migrationBuilder.AlterColumn<long>(
                name: "RequestId",
                table: "SmsCodeSends",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "RequestId",
                table: "PhoneVerifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
