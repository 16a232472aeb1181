import {
	directMediaLink,
	holdsTelegramFileLink,
	isTelegramFileLink,
} from '../../../../nodes/shared/models/media-urls';

describe('media links that cannot work as given, or would leak a secret', () => {
	const telegram = 'https://api.telegram.org/file/bot123456:AAE-secret-token/photos/file_7.jpg';

	it('knows a Telegram file link, alone or in a list', () => {
		expect(isTelegramFileLink(telegram)).toBe(true);
		expect(isTelegramFileLink('https://api.telegram.org/bot123/getFile')).toBe(false);
		expect(isTelegramFileLink('https://cdn.example.com/file/bot.png')).toBe(false);
		expect(holdsTelegramFileLink(`https://cdn.example.com/a.png,\n${telegram}`)).toBe(true);
		expect(holdsTelegramFileLink(['https://cdn.example.com/a.png', telegram])).toBe(true);
		expect(holdsTelegramFileLink(['https://cdn.example.com/a.png'])).toBe(false);
		expect(holdsTelegramFileLink(7)).toBe(false);
	});

	it('turns a Google Drive share page into the file behind it', () => {
		expect(directMediaLink('https://drive.google.com/file/d/1AbC-d_9XyZ/view?usp=sharing')).toBe(
			'https://drive.google.com/uc?export=download&id=1AbC-d_9XyZ',
		);
		expect(directMediaLink('https://drive.google.com/open?id=1AbC-d_9XyZ')).toBe(
			'https://drive.google.com/uc?export=download&id=1AbC-d_9XyZ',
		);
		// A folder, or a link it cannot read, stays as it is.
		const folder = 'https://drive.google.com/drive/folders/1AbC';
		expect(directMediaLink(folder)).toBe(folder);
	});

	it('asks Dropbox for the file instead of its preview page', () => {
		expect(directMediaLink('https://www.dropbox.com/s/abc123/photo.jpg?dl=0')).toBe(
			'https://www.dropbox.com/s/abc123/photo.jpg?dl=1',
		);
		expect(directMediaLink('https://www.dropbox.com/scl/fi/xyz/photo.jpg?rlkey=k&dl=0')).toBe(
			'https://www.dropbox.com/scl/fi/xyz/photo.jpg?rlkey=k&dl=1',
		);
		expect(directMediaLink('https://www.dropbox.com/s/abc123/photo.jpg')).toBe(
			'https://www.dropbox.com/s/abc123/photo.jpg?dl=1',
		);
		const folder = 'https://www.dropbox.com/sh/abc/xyz?dl=0';
		expect(directMediaLink(folder)).toBe(folder);
	});

	it('leaves every other link alone', () => {
		for (const link of ['https://cdn.example.com/a.png', 'asset://seedance/123', 'not a url'])
			expect(directMediaLink(link)).toBe(link);
	});
});
