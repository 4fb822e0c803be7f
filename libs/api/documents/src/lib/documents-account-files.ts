import { Injectable } from '@nestjs/common';
import { AccountFiles } from '@alliances/api/identity';
import { DocumentsReader, type UploadedFile } from './documents-reader';

/** The person's uploads for their RGPD export (`AccountModule.register({ files })`). */
@Injectable()
export class DocumentsAccountFiles extends AccountFiles {
  constructor(private readonly reader: DocumentsReader) {
    super();
  }

  uploadsOf(userId: string): Promise<UploadedFile[]> {
    return this.reader.uploadsOf(userId);
  }
}
