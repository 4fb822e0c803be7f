import { Component } from '@angular/core';

@Component({
  selector: 'all-web-core',
  imports: [],
  templateUrl: './web-core.html',
  styleUrl: './web-core.css'
})
export class WebCore {}
