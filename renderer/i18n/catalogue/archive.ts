/** Texts of one feature, spread into ../ja.ts and ../en.ts (flat keys, as there). */
export const archiveJa = {
  'archive.title': '決裁記録',
  'archive.help': '添付文書に決裁欄と回議経路を付けた保存用の PDF です。文書管理システムへの引き継ぎには ZIP（PDF・原本・記録・監査ログ）を使います。',
  'archive.download': '決裁記録PDF',
  'archive.export': 'ZIPで出力',
  'archive.madeAt': '{{date}} 作成（記録版 {{version}}、{{pages}}ページ）',
  'archive.pending': 'PDF はダウンロードのときに作成されます。',
  'archive.sha256': 'SHA-256',
} as const;

export const archiveEn: { readonly [K in keyof typeof archiveJa]: string } = {
  'archive.title': 'Approval record',
  'archive.help': 'The PDF kept on file: the attachments with the approval box and the route. For the records management system, export the ZIP (PDF, originals, record and audit log).',
  'archive.download': 'Record PDF',
  'archive.export': 'Export ZIP',
  'archive.madeAt': 'Made {{date}} (record version {{version}}, {{pages}} pages)',
  'archive.pending': 'The PDF is made when you download it.',
  'archive.sha256': 'SHA-256',
};
