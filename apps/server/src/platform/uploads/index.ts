export { stageUpload, stagingDirectory, withStagedUpload, type StagedUpload } from './staged-upload.js';
