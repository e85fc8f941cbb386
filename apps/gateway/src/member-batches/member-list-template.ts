/** What GET /member-batches/template.csv answers: the headers the import recognises and two examples. */
export const MEMBER_LIST_TEMPLATE = '\ufeff' + ['Email;User name;First name;Last name', 'jane.doe@example.com;jane_doe;Jane;Doe', 'francois.lefevre@example.com;;François;Lefèvre', ''].join('\r\n');
